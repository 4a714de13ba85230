/// An error caused by what the user gave (a scenario file, a path, a flag value),
/// as opposed to a run that failed. The CLI exits with status 2 for these.
///
/// `description` is the whole message: one or a few lines that name the file,
/// line, column and dotted path where there is one.
public protocol InputError: Error, CustomStringConvertible {}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output written with every write checked, so that a closed or full stdout
/// (`>&-`, `> /dev/full`, a reader that went away) is an error the command reports and
/// exits 1 on, never a trap or a silent exit 0.
public enum StandardOutput {
    /// Call first thing in `main`. Reopens a closed descriptor 0, 1 or 2 on /dev/null,
    /// read-only: no file opened later can take its number (output meant for stdout would
    /// land in it), and a write to it still fails (EBADF), so a lost output stays an error.
    /// Ignores SIGPIPE, so that a closed pipe is a failed write (EPIPE) with a message rather
    /// than a silent death.
    public static func prepare() {
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let spare = open("/dev/null", O_RDONLY)
            if spare >= 0 && spare != fd {
                dup2(spare, fd)
                close(spare)
            }
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `data` to standard output; `name` is how a failure names it.
    public static func write(_ data: Data, name: String = "standard output") throws(ReportError) {
        let journal = OutputJournal.shared
        let id = journal.plan(name, existed: true)
        journal.set(id, .streaming)
        if let reason = AtomicWriter.writeAll(STDOUT_FILENO, data) {
            throw .io(path: name, operation: "write", reason: reason)
        }
        journal.set(id, .done)
    }

    /// Writes `text` as UTF-8 to standard output.
    public static func write(_ text: String) throws(ReportError) {
        try write(Data(text.utf8))
    }
}

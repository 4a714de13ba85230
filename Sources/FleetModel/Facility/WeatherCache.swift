import Foundation

/// Typical-year weather keyed by climate inputs, so that a spec (or a Monte Carlo
/// sample whose climate was not sampled) reuses the synthesised or parsed year.
public final class WeatherCache: @unchecked Sendable {
    public static let shared = WeatherCache()
    private let lock = NSLock()
    private var entries: [Key: TypicalYearWeather] = [:]

    struct Key: Hashable { var climate: ClimateSpec; var baseDirectory: String }

    public init() {}

    /// The climate's typical year: read from `weather_file` (relative paths resolve
    /// against `baseDirectory`; `a/../b` is shortened to `b` in messages) or synthesised
    /// from the normals.
    public func weather(for climate: ClimateSpec, baseDirectory: String = ".") throws -> TypicalYearWeather {
        let key = Key(climate: climate, baseDirectory: baseDirectory)
        lock.lock()
        if let w = entries[key] { lock.unlock(); return w }
        lock.unlock()
        let w: TypicalYearWeather
        if let file = climate.weatherFile {
            // An empty path would name the scenario's folder.
            if file.isEmpty { throw WeatherFileError.unusable("", .emptyPath) }
            w = try WeatherFile.load(path: Self.join(baseDirectory, file))
        } else {
            w = TypicalYearWeather(normals: climate)
        }
        lock.lock()
        if entries.count > 256 { entries.removeAll() }
        entries[key] = w
        lock.unlock()
        return w
    }

    /// `file` resolved against `folder`, with `.` and `name/..` steps removed so that messages
    /// name `Corpus/weather/x.csv`, not `Corpus/scenarios/../weather/x.csv`.
    static func join(_ folder: String, _ file: String) -> String {
        let joined = file.hasPrefix("/") ? file : folder + "/" + file
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        let path = parts.joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}

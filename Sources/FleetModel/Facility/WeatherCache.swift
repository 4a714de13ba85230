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
    /// against `baseDirectory`) or synthesised from the normals.
    public func weather(for climate: ClimateSpec, baseDirectory: String = ".") throws -> TypicalYearWeather {
        let key = Key(climate: climate, baseDirectory: baseDirectory)
        lock.lock()
        if let w = entries[key] { lock.unlock(); return w }
        lock.unlock()
        let w: TypicalYearWeather
        if let file = climate.weatherFile {
            w = try WeatherFile.load(path: file.hasPrefix("/") ? file : baseDirectory + "/" + file)
        } else {
            w = TypicalYearWeather(normals: climate)
        }
        lock.lock()
        if entries.count > 256 { entries.removeAll() }
        entries[key] = w
        lock.unlock()
        return w
    }
}

import Foundation

extension ScenarioDocument {
    /// The folder relative `weather_file` paths resolve against: the scenario file's folder,
    /// or the working directory for an embedded scenario (whose sites use synthesised weather).
    public var baseDirectory: String {
        let source = info.source
        if source.hasPrefix("embedded:") || source.isEmpty { return "." }
        let folder = (source as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Every file on disk the scenario reads, each once: the scenario file, the models folder's
    /// data files and each site's `weather_file` (resolved as it is read). Known as soon as the
    /// scenario is opened, so that a command can refuse an output that would replace one of them
    /// before any work; embedded copies are not files and are left out.
    public var filesRead: [String] {
        var out: [String] = []
        func add(_ path: String) {
            if !path.isEmpty, !path.hasPrefix("embedded:"), !out.contains(path) { out.append(path) }
        }
        add(info.source)
        for file in info.models ?? [] { add(file.source) }
        for site in root["sites"]?.entries ?? [] {
            if let file = site.value.node(at: "climate.weather_file")?.scalarText {
                add(WeatherCache.join(baseDirectory, file))
            }
        }
        return out
    }

    /// Reads and checks every site's `weather_file` (through the shared cache, so a run reuses
    /// what `validate` read): a missing, unreadable or far too large file is an error at the
    /// `weather_file` value; a bad line or cell is an error at its place in the weather file.
    func weatherFileIssues(_ spec: FleetSpec) -> [ScenarioError] {
        var out: [ScenarioError] = []
        for site in spec.sites where site.climate.weatherFile != nil {
            let path = "sites.\(site.id).climate.weather_file"
            do {
                _ = try WeatherCache.shared.weather(for: site.climate, baseDirectory: baseDirectory)
            } catch let error as WeatherFileError {
                switch error {
                case .unreadable, .unusable:
                    out += locate([(path, error.description)])
                case let .malformed(file, line, column, message):
                    out.append(ScenarioError(file: file, line: line, column: column, path: path, message: message))
                }
            } catch {
                out += locate([(path, "\(error)")])
            }
        }
        return out
    }

    /// The weather files the spec's sites read, each once, in site order, with the SHA-256 of its
    /// bytes; nil when no site reads one. Call after `weatherFileIssues` found none.
    func weatherFiles(_ spec: FleetSpec) -> [DataFile]? {
        var out: [DataFile] = []
        for site in spec.sites {
            guard let file = site.climate.weatherFile else { continue }
            let source = WeatherCache.join(baseDirectory, file)
            guard !out.contains(where: { $0.source == source }),
                  let bytes = FileManager.default.contents(atPath: source) else { continue }
            out.append(DataFile(path: file, source: source, sha256: ScenarioHash.sha256Hex(bytes)))
        }
        return out.isEmpty ? nil : out
    }
}

import FleetModel

/// Parses metric names given on the command line (contract names such as `facility_energy_mwh`).
enum MetricList {
    static func parse(_ names: [String], flag: String) throws -> [Metric] {
        try names.flatMap { $0.split(separator: ",") }.map { raw in
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let metric = Metric(rawValue: name) else {
                let known = Metric.allCases.map(\.rawValue)
                let hint = known.first { $0.hasPrefix(name) || name.hasPrefix($0) }.map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandFailure.badInput("\(flag): unknown metric '\(name)'\(hint); known: \(known.joined(separator: ", "))")
            }
            return metric
        }
    }
}

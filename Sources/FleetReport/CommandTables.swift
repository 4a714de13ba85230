import FleetModel

/// Tables for the commands whose JSON is not a full result: `estimate`, `power`, `catalog`.
extension TableRenderer {
    /// `fleetwatt estimate`: each output with its unit, then the inputs used.
    public static func estimateTable(_ e: EstimateResult) -> TextTable {
        let i = e.inputs
        var rows: [[String]] = [
            ["Facility energy", NumberFormat.grouped(e.energyMWh, decimals: 1), "MWh"],
            ["IT energy", NumberFormat.grouped(i.itEnergyMWh, decimals: 1), "MWh"],
            ["Carbon (location-based)", NumberFormat.grouped(e.carbonTCO2e, decimals: 1), "t CO2e"],
            ["Electricity cost", NumberFormat.grouped(e.costUSD, decimals: 0), "USD"],
            ["Water (on-site)", NumberFormat.grouped(e.waterM3, decimals: 1), "m3"],
            ["GPU-hours", NumberFormat.grouped(i.gpuHours, decimals: 0), "h"],
            ["IT power per GPU (\(i.powerSource))", NumberFormat.grouped(i.powerW, decimals: 1), "W"],
        ]
        if let u = i.utilization { rows.append(["Utilization", NumberFormat.trimmed(u), "1"]) }
        if let b = i.boardPowerW { rows.append(["Board power per GPU", NumberFormat.grouped(b, decimals: 1), "W"]) }
        rows += [
            ["PUE", NumberFormat.trimmed(i.pue), "1"],
            ["Carbon intensity", NumberFormat.trimmed(i.carbonIntensityKgPerKwh), "kg CO2e/kWh"],
            ["Electricity price", NumberFormat.trimmed(i.priceUSDPerKwh), "USD/kWh"],
            ["WUE", NumberFormat.trimmed(i.wueLPerKwh), "L/kWh"],
        ]
        return TextTable(headers: ["Quantity (\(i.gpu))", "Value", "Unit"],
                         alignments: [.left, .right, .left], rows: rows)
    }

    /// `fleetwatt power`: utilization and board power.
    public static func powerTable(_ p: PowerCurveResult) -> TextTable {
        TextTable(headers: ["Utilization", "Board power (W), \(p.gpu)"], alignments: [.right, .right],
                  rows: p.points.map { [NumberFormat.trimmed($0.utilization), NumberFormat.grouped($0.powerW, decimals: 1)] })
    }

    /// `fleetwatt catalog`: one row per entry of every section.
    public static func catalogTable(_ c: CatalogOutput) -> TextTable {
        let sections: [(String, [CatalogOutput.Entry])] = [
            ("hardware", c.hardware), ("site", c.sites), ("cooling", c.coolingTypes), ("grid", c.grids),
        ]
        var rows: [[String]] = []
        for (section, entries) in sections {
            for e in entries { rows.append([section, e.id, e.kind ?? "", e.name, e.source]) }
        }
        return TextTable(headers: ["Section", "Id", "Kind", "Name", "Source"],
                         alignments: [.left, .left, .left, .left, .left], rows: rows)
    }
}

extension TableRenderer {
    /// `fleetwatt bench`: one row per timed run.
    public static func benchTable(_ rows: [UncertaintyBenchmark.Row]) -> TextTable {
        TextTable(headers: ["Run", "Evaluations", "Threads", "Wall time (s)", "Sample-hours/s", "Peak memory (MB)"],
                  alignments: [.left, .right, .right, .right, .right, .right],
                  rows: rows.map {
                      [$0.kind, NumberFormat.grouped(Double($0.evaluations), decimals: 0), "\($0.threads)",
                       NumberFormat.grouped($0.seconds, decimals: 2), NumberFormat.human($0.sampleHoursPerSecond),
                       NumberFormat.grouped($0.peakMemoryMB, decimals: 0)]
                  })
    }
}

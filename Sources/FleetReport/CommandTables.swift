import FleetModel

/// Tables for the commands whose JSON is not a full result: `estimate`, `power`, `catalog`.
extension TableRenderer {
    /// `fleetwatt estimate`: each output with its unit, then the inputs used (numbers in `style`).
    public static func estimateTable(_ e: EstimateResult, style: NumberStyle = .human) -> TextTable {
        let i = e.inputs
        func n(_ v: Double, _ decimals: Int) -> String { NumberFormat.text(v, decimals: decimals, style) }
        func t(_ v: Double) -> String { NumberFormat.trimmed(v, style) }
        var rows: [[String]] = [
            ["Facility energy", n(e.energyMWh, 1), "MWh"],
            ["IT energy", n(i.itEnergyMWh, 1), "MWh"],
            ["Carbon (location-based)", n(e.carbonTCO2e, 1), "t CO2e"],
            ["Electricity cost", n(e.costUSD, 0), "USD"],
            ["Water (on-site)", n(e.waterM3, 1), "m3"],
            ["GPU-hours", n(i.gpuHours, 0), "h"],
            ["IT power per GPU (\(i.powerSource))", n(i.powerW, 1), "W"],
        ]
        if let u = i.utilization { rows.append(["Utilization", t(u), "1"]) }
        if let b = i.boardPowerW { rows.append(["Board power per GPU", n(b, 1), "W"]) }
        rows += [
            ["PUE", t(i.pue), "1"],
            ["Carbon intensity", t(i.carbonIntensityKgPerKwh), "kg CO2e/kWh"],
            ["Electricity price", t(i.priceUSDPerKwh), "USD/kWh"],
            ["WUE", t(i.wueLPerKwh), "L/kWh"],
        ]
        return TextTable(headers: ["Quantity (\(i.gpu))", "Value", "Unit"],
                         alignments: [.left, .right, .left], rows: rows)
    }

    /// `fleetwatt power`: utilization and board power (numbers in `style`).
    public static func powerTable(_ p: PowerCurveResult, style: NumberStyle = .human) -> TextTable {
        TextTable(headers: ["Utilization", "Board power (W), \(p.gpu)"], alignments: [.right, .right],
                  rows: p.points.map { [NumberFormat.trimmed($0.utilization, style), NumberFormat.text($0.powerW, decimals: 1, style)] })
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
    /// `fleetwatt bench`: one row per timed run (numbers in `style`).
    public static func benchTable(_ rows: [UncertaintyBenchmark.Row], style: NumberStyle = .human) -> TextTable {
        TextTable(headers: ["Run", "Evaluations", "Threads", "Wall time (s)", "Sample-hours/s", "Peak memory (MB)"],
                  alignments: [.left, .right, .right, .right, .right, .right],
                  rows: rows.map {
                      [$0.kind, NumberFormat.text(Double($0.evaluations), decimals: 0, style), "\($0.threads)",
                       NumberFormat.text($0.seconds, decimals: 2, style),
                       style == .machine ? NumberFormat.machine($0.sampleHoursPerSecond) : NumberFormat.human($0.sampleHoursPerSecond),
                       NumberFormat.text($0.peakMemoryMB, decimals: 0, style)]
                  })
    }
}

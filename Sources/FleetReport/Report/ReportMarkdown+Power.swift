import FleetModel

extension ReportMarkdown.Builder {
    /// "852 (P5–P95 690–1,010)": a statistic with a fixed number of decimals, its range when sampled.
    func range(_ s: Stats, factor: Double = 1, decimals: Int = 0) -> String {
        var t = NumberFormat.grouped(s.base * factor, decimals: decimals)
        if sampled, let lo = s.p05, let hi = s.p95 {
            t += " (\(NumberFormat.grouped(lo * factor, decimals: decimals))–\(NumberFormat.grouped(hi * factor, decimals: decimals)))"
        }
        return t
    }

    /// The fleet section's table of power per serving unit by component (`result.cohorts`),
    /// and the scenario's options and generation refreshes.
    mutating func unitPower() {
        guard let cohorts = r.cohorts, !cohorts.isEmpty else { return }
        para("Power of one serving unit (one GPU with its share of host, network and storage, or one CPU server) at full deployment, "
             + "the day's mean, W\(sampled ? "; P5–P95 in brackets" : ""). Board power as a share of TDP is the figure that fleet "
             + "telemetry reports (nvidia-smi, DCGM): published serving runs put it at a median 0.71 for H100 and 0.80 for B200 "
             + "(ML.ENERGY benchmark v3.0), and Meta provisions GB200 at 0.80 (arXiv 2605.24461).")
        let rows = cohorts.map { c -> [String] in
            let p = c.powerPerUnitW
            return [MarkdownText.code(c.id), MarkdownText.code(c.hardware), range(p.board),
                    range(c.boardFractionOfTDP, decimals: 2), range(p.host), range(p.network), range(p.storage), range(p.total)]
        }
        table(TextTable(headers: ["Cohort", "Hardware", "Board (W)", "Board / TDP", "Host (W)", "Network (W)", "Storage (W)", "Total (W)"],
                        alignments: [.left, .left, .right, .right, .right, .right, .right, .right], rows: rows))
        let refreshed = cohorts.filter { $0.id.hasSuffix("-refresh") }
        if !refreshed.isEmpty {
            para("Cohorts named `…-refresh` are generation refreshes: when the units of the cohort before them reach the end of their "
                 + "useful life they are replaced one for one by the hardware shown, on the same ramp shifted by the life.")
        }
        if let options = r.scenario.options, !options.isEmpty {
            let list = options.keys.sorted().map { "\(MarkdownText.code($0)) \(options[$0]! ? "included" : "left out")" }
            para("Switchable parts of the scenario in this run: " + list.joined(separator: ", ")
                 + ". Run again with `--set options.<name>.enabled=false` (or `=true`) to see the results without (or with) an option.")
        }
    }

    /// The contract value per GPU-hour delivered beside published prices for comparable capacity.
    mutating func contractCheck() {
        guard let s = r.totals[.contractUSDPerGPUHour], s.base > 0 else { return }
        var t = "**Contract value per GPU-hour.** Spread over the \(stat(.gpuHours)) that the fleet's GPUs deliver, the contract is worth "
            + "\(stat(.contractUSDPerGPUHour)) (the contract also pays for the CPU servers, so this is an upper bound for the GPUs alone)."
        let prices = r.inputs.filter { $0.path.hasPrefix("contract.comparable_prices.") }
        if !prices.isEmpty {
            t += " Published prices for comparable capacity: " + prices.map { p in
                "\(NumberFormat.grouped(p.base, decimals: 2)) USD/GPU-h for \(MarkdownText.code(String(p.path.dropFirst("contract.comparable_prices.".count)))) (\(p.source))"
            }.joined(separator: "; ") + ". A contract value well below list prices means either a deep volume discount or fewer GPUs than assumed."
        }
        para(t)
    }
}

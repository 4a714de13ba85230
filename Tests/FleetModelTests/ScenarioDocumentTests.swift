import Foundation
import Testing
@testable import FleetModel

/// Loading, resolution, parameters, decoding with overrides, and `--set`.
@Suite("Scenario document")
struct ScenarioDocumentTests {
    let path = Fixtures.scenario("good.yaml")

    @Test func infoNamesTheFileAndHashesItsBytes() throws {
        let doc = try ScenarioDocument.load(path: path)
        #expect(doc.info.id == "good")
        #expect(doc.info.title == "A good test scenario")
        #expect(doc.info.source == path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(doc.info.sha256 == ScenarioHash.sha256Hex(bytes))
        #expect(doc.models == .directory(Fixtures.models))
    }

    /// The files an output must never replace, known once the scenario is opened: the scenario
    /// file, its models folder's data files and each weather file (resolved against the
    /// scenario's folder); embedded copies are not files.
    @Test func filesReadNamesTheScenarioItsDataFilesAndWeatherFiles() throws {
        let doc = try ScenarioDocument.open(path: path)
        let data = try #require(doc.info.models).map(\.source)
        #expect(doc.filesRead == [path] + data)
        #expect(data.allSatisfy { $0.hasPrefix(Fixtures.models + "/") })
        let corpus = Fixtures.repository.appendingPathComponent("Tests/fleetwattTests/Corpus").path
        let weather = try ScenarioDocument.open(path: corpus + "/scenarios/weather-short.yaml")
        #expect(weather.filesRead == [corpus + "/scenarios/weather-short.yaml", corpus + "/weather/short.csv"])
        #expect(try ScenarioDocument.open(path: nil).filesRead.isEmpty)
    }

    /// The info lists every data file pulled, sorted, with the SHA-256 of its bytes, read where the
    /// document read it; a `--set` that points a site at another grid changes the list.
    @Test func infoHashesEveryDataFileRead() throws {
        let doc = try ScenarioDocument.load(path: path)
        let files = try #require(doc.info.models)
        #expect(files.map(\.path) == ["grids/grid-a.yaml", "grids/grid-b.yaml", "hardware.yaml",
                                       "sites/site-a.yaml", "sites/site-b.yaml"])
        for f in files {
            #expect(f.source == Fixtures.models + "/" + f.path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: f.source))
            #expect(f.sha256 == ScenarioHash.sha256Hex(bytes), "\(f.path)")
        }
        var moved = doc
        try moved.set("sites.site-b.grid", to: "grid-a")
        #expect(moved.info.models?.map(\.path) == ["grids/grid-a.yaml", "hardware.yaml", "sites/site-a.yaml", "sites/site-b.yaml"])
        let embedded = try ScenarioDocument.embeddedDefault()
        #expect(embedded.info.models?.contains { $0.path == "hardware.yaml" && $0.source == "embedded:hardware.yaml" } == true)
    }

    /// `SOURCE_DATE_EPOCH` fixes a run's timestamp (reproducible files); known dates, a leap day included.
    @Test func runTimestampIsISO8601UTC() {
        #expect(FleetResult.RunInfo.now(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01T00:00:00Z")
        #expect(FleetResult.RunInfo.now(environment: ["SOURCE_DATE_EPOCH": "1762128000"]) == "2025-11-03T00:00:00Z")
        #expect(FleetResult.RunInfo.now(environment: ["SOURCE_DATE_EPOCH": "951825599"]) == "2000-02-29T11:59:59Z")
        let now = FleetResult.RunInfo.now(environment: [:])
        #expect(now.wholeMatch(of: /20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil, "\(now)")
    }

    @Test func resolvesOnlyReferencedEntriesWithTheScenarioWinning() throws {
        let spec = try ScenarioDocument.load(path: path).decode(TSpec.self)
        #expect(spec.hardware.ids == ["gpu-a", "cpu-s"])
        #expect(spec.sites.ids == ["site-a", "site-b"])
        #expect(spec.grids.ids == ["grid-a", "grid-b"])
        #expect(spec.fleet.cohorts.ids == ["big", "small"])
        let a = try #require(spec.hardware[id: "gpu-a"])
        #expect(a.name == "Test GPU A")        // from the catalog
        #expect(a.tdpW == 1400)                // the scenario's override (catalog says 1.2 kW)
        #expect(a.idleFraction == 0.18)        // 18 %
        #expect(a.embodiedKg == 907.18474)     // 2000 lb
        #expect(a.powerCurveW == [200, 600, 1000, 1200])
        #expect(spec.hardware[id: "cpu-s"]?.powerCurveW == nil)
        let doc = try ScenarioDocument.load(path: path)
        #expect(doc.root.node(at: "sites.site-a.cooling.type")?.scalarText == "liquid-tower")
        #expect(doc.root.node(at: "hardware.gpu-b") == nil)
        let siteA = try #require(spec.sites[id: "site-a"])
        #expect(siteA.cooling.type == .liquidTower)
        #expect(siteA.cooling.approachC == 5)  // a 9 °F difference
        #expect(siteA.climate.dryBulbMeanC == [0, 5, 10, 15, 20, 25, 30, 25, 20, 15, 10, 5])
        let siteB = try #require(spec.sites[id: "site-b"])
        #expect(siteB.cooling.approachC == 4)  // a 4 K difference
        #expect(siteB.climate.dryBulbMeanC.allSatisfy { abs($0 - 10) < 1e-12 })
        #expect(spec.grids[id: "grid-a"]?.carbonIntensityKgPerKWh == 0.362873896)  // 800 lb/MWh
        #expect(spec.grids[id: "grid-a"]?.priceUSDPerKWh == 0.08)
        #expect(spec.grids[id: "grid-b"]?.carbonIntensityKgPerKWh == 0.35)
        #expect(spec.contract.valueUSD == 38e9)
        #expect(spec.fleet.cohorts[id: "big"]?.count == 400_000)
        #expect(spec.fleet.cohorts[id: "big"]?.utilizationFraction == 0.75)  // pert mode
        #expect(spec.fleet.cohorts[id: "small"]?.utilizationFraction == 0.5)
        #expect(spec.term.months == 84 && spec.term.start == "2025-11-01")
    }

    @Test func parametersListEveryNumericLeafInCanonicalUnits() throws {
        let doc = try ScenarioDocument.load(path: path)
        // contract 1, cohorts 2 × 2, gpu-a 3 + a 4-point curve, cpu-s 3, sites 2 × (1 + 12 months), grids 2 × 3.
        #expect(doc.parameters.count == 1 + 4 + (3 + 4) + 3 + 2 * (1 + 12) + 2 * 3)
        #expect(doc.parameters.map(\.index) == Array(doc.parameters.indices))
        let count = try #require(doc.parameters.first { $0.path == "fleet.cohorts.big.count" })
        #expect(count.unit == "GPU" && count.base == 400_000)
        #expect(count.distribution == .triangular(min: 250_000, mode: 400_000, max: 600_000))
        #expect(count.location == SourceLocation(file: path, line: 13, column: 14))
        #expect(count.source == "assumption: test fixture")
        let price = try #require(doc.parameters.first { $0.path == "grids.grid-a.price_usd_per_kwh" })
        #expect(price.unit == "USD/kWh" && price.distribution == .uniform(min: 0.06, max: 0.1))
        #expect(price.input == FleetResult.Input(path: "grids.grid-a.price_usd_per_kwh", unit: "USD/kWh", base: 0.08,
                                                 distribution: "uniform(0.06, 0.1)", source: "assumption: test fixture"))
        let july = try #require(doc.parameters.first { $0.path == "sites.site-a.climate.dry_bulb_mean_c.6" })
        #expect(july.unit == "°C" && july.base == 30 && july.seriesIndex == 6)
        #expect(doc.uncertainParameters.map(\.path) == [
            "fleet.cohorts.big.count", "fleet.cohorts.big.utilization_fraction", "grids.grid-a.price_usd_per_kwh",
        ])
        #expect(doc.parameterIndex("fleet.cohorts.big.count") == count.index)
        #expect(doc.correlations.count == 1)
        let c = try #require(doc.correlations.first)
        #expect(c.paths == ["fleet.cohorts.big.count", "fleet.cohorts.big.utilization_fraction"])
        #expect(c.parameterIndices == c.paths.map { doc.parameterIndex($0)! })
        #expect(c.rho == -0.3 && c.path == "correlations.0")
    }

    @Test func overridesByPathAndByIndexDecodeTheSameSpec() throws {
        let doc = try ScenarioDocument.load(path: path)
        let spec = try doc.decode(TSpec.self, overrides: ["fleet.cohorts.big.count": 123_456,
                                                          "sites.site-a.climate.dry_bulb_mean_c.6": 31.5])
        #expect(spec.fleet.cohorts[id: "big"]?.count == 123_456)
        #expect(spec.sites[id: "site-a"]?.climate.dryBulbMeanC[6] == 31.5)
        #expect(spec.sites[id: "site-a"]?.climate.dryBulbMeanC[5] == 25)
        var values = doc.baseValues
        values[doc.parameterIndex("fleet.cohorts.big.count")!] = 123_456
        values[doc.parameterIndex("sites.site-a.climate.dry_bulb_mean_c.6")!] = 31.5
        let fast = try doc.decode(TSpec.self, values: values)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(fast) == encoder.encode(spec))
        // Base values give back the deterministic spec.
        #expect(try encoder.encode(doc.decode(TSpec.self, values: doc.baseValues)) == encoder.encode(doc.decode(TSpec.self)))
        #expect(throws: ScenarioErrors([ScenarioError(file: "--set", line: 0, column: 0, path: "fleet.cohorts.big.cont",
                                                      message: "no numeric input at this path (did you mean 'fleet.cohorts.big.count'?)")])) {
            try doc.decode(TSpec.self, overrides: ["fleet.cohorts.big.cont": 1])
        }
    }

    @Test func setNumbersDistributionsTextAndReferences() throws {
        var doc = try ScenarioDocument.load(path: path)
        try doc.set("fleet.cohorts.small.count", to: "2500")
        try doc.set("grids.grid-b.price_usd_per_kwh", to: "triangular(0.05, 0.06, 0.09)")
        try doc.set("title", to: "Renamed")
        try doc.set("sites.site-a.climate.dry_bulb_mean_c.0", to: "uniform(-2, 2)")
        var spec = try doc.decode(TSpec.self)
        #expect(spec.fleet.cohorts[id: "small"]?.count == 2500)
        #expect(spec.grids[id: "grid-b"]?.priceUSDPerKWh == 0.06)
        #expect(spec.title == "Renamed" && doc.info.title == "Renamed")
        #expect(spec.sites[id: "site-a"]?.climate.dryBulbMeanC[0] == 0)
        let price = try #require(doc.parameters.first { $0.path == "grids.grid-b.price_usd_per_kwh" })
        #expect(price.distribution == .triangular(min: 0.05, mode: 0.06, max: 0.09))
        #expect(price.source == "set on the command line (--set)")
        #expect(doc.uncertainParameters.contains { $0.path == "sites.site-a.climate.dry_bulb_mean_c.0" })
        // A later set that removes the grid an earlier set changed is an error, and changes nothing.
        #expect(throws: ScenarioErrors.self) { try doc.set("fleet.cohorts.small.site", to: "site-a") }
        #expect(try doc.decode(TSpec.self).sites.ids == ["site-a", "site-b"])
        // Changing a reference pulls the other site and its grid; unreferenced data drop out.
        doc = try ScenarioDocument.load(path: path)
        try doc.set("fleet.cohorts.small.site", to: "site-a")
        spec = try doc.decode(TSpec.self)
        #expect(spec.sites.ids == ["site-a"])
        #expect(spec.grids.ids == ["grid-a"])
        try doc.set("sites.site-a.grid", to: "grid-b")
        spec = try doc.decode(TSpec.self)
        #expect(spec.grids.ids == ["grid-b"])
        // Fixing a correlated input drops its correlation.
        try doc.set("fleet.cohorts.big.count", to: "300000")
        #expect(doc.correlations.isEmpty)
    }

    @Test(arguments: [
        ("fleet.cohorts.big.cout", "1", "unknown path: 'fleet.cohorts.big' has no 'cout' (did you mean 'fleet.cohorts.big.count'?)"),
        ("fleet.cohort.big.count", "1", "unknown path: 'fleet' has no 'cohort' (did you mean 'fleet.cohorts'?)"),
        ("fleet.cohorts.big.count.value", "1", "unknown path: 'fleet.cohorts.big.count' is a numeric input; it has no 'value'"),
        ("sites.site-a.climate.dry_bulb_mean_c.12", "1",
         "unknown path: 'sites.site-a.climate.dry_bulb_mean_c' is a series of 12 values, indexed 0 to 11"),
        ("sites.site-a.climate.dry_bulb_mean_c", "1", "'sites.site-a.climate.dry_bulb_mean_c' is a series; set one element, such as 'sites.site-a.climate.dry_bulb_mean_c.0'"),
        ("fleet.cohorts.big", "1", "'fleet.cohorts.big' holds several values; set one of its leaves"),
        ("fleet.cohorts.big.count", "-5", "expected a positive number, got -5"),
        ("fleet.cohorts.big.count", "nan", "expected a finite number, got nan"),
        ("fleet.cohorts.big.utilization_fraction", "1.2", "expected a fraction in [0, 1], got 1.2"),
        ("fleet.cohorts.big.utilization_fraction", "normal(0.5, 0.1)",
         "a fraction's distribution must stay in [0, 1], but normal(0.5, 0.1) ranges over [-inf, inf]"),
        ("fleet.cohorts.big.count", "triangular(1, 5, 3)", "triangular: mode (5) must lie in [min, max] = [1, 3]"),
        ("fleet.cohorts.big.count", "lots", "expected a number (in GPU) or a distribution such as 'triangular(min, mode, max)', got 'lots'"),
        ("fleet.cohorts.big.site", "site-c", "unknown site 'site-c' (the closest known id is 'site-a')"),
    ])
    func setErrorsNameThePath(path setPath: String, value: String, message: String) throws {
        var doc = try ScenarioDocument.load(path: path)
        let before = doc.parameters
        #expect(throws: ScenarioErrors([ScenarioError(file: "--set", line: 0, column: 0, path: setPath, message: message)])) {
            try doc.set(setPath, to: value)
        }
        #expect(doc.parameters == before)
    }

    @Test func parameterAtPathChecksVaryPathsLikeSet() throws {
        let doc = try ScenarioDocument.load(path: path)
        #expect(try doc.parameter(at: "fleet.cohorts.big.count").base == 400_000)
        #expect(try doc.parameter(at: "sites.site-b.climate.dry_bulb_mean_c.11").seriesIndex == 11)
        func message(_ p: String) -> String? {
            do { _ = try doc.parameter(at: p); return nil } catch let e as ScenarioErrors { return e.description } catch { return nil }
        }
        #expect(message("fleet.cohorts.bg.count") == "--vary: fleet.cohorts.bg.count: unknown path: 'fleet.cohorts' has no 'bg' (did you mean 'fleet.cohorts.big'?)")
        #expect(message("fleet.cohorts.big.site") == "--vary: fleet.cohorts.big.site: 'fleet.cohorts.big.site' is not a numeric input")
        #expect(message("sites.site-a.climate.dry_bulb_mean_c")
            == "--vary: sites.site-a.climate.dry_bulb_mean_c: 'sites.site-a.climate.dry_bulb_mean_c' is a series; vary one element, such as 'sites.site-a.climate.dry_bulb_mean_c.0'")
    }

    @Test func jsonScenariosLoadLikeYAML() throws {
        let doc = try ScenarioDocument.load(path: Fixtures.scenario("good.json"))
        let spec = try doc.decode(TSpec.self)
        #expect(doc.info.id == "good-json")
        #expect(spec.hardware.ids == ["gpu-b"] && spec.sites.ids == ["site-b"] && spec.grids.ids == ["grid-b"])
        #expect(spec.contract.valueUSD == 38e9)
        let count = try #require(doc.parameters.first { $0.path == "fleet.cohorts.big.count" })
        #expect(count.location.line == 5)
    }

    @Test func scenariosOutsideAModelsFolderUseTheEmbeddedData() {
        #expect(ModelsSource.forScenario(at: Fixtures.bad("many.yaml")) == .embedded)
        #expect(ModelsSource.forScenario(at: path) == .directory(Fixtures.models))
    }

    @Test func inMemoryModelsBehaveLikeTheEmbeddedCopy() throws {
        var files: [String: String] = [:]
        for rel in ["hardware.yaml", "sites/site-a.yaml", "sites/site-b.yaml", "grids/grid-a.yaml", "grids/grid-b.yaml",
                    "scenarios/good.yaml"] {
            files[rel] = try String(contentsOfFile: Fixtures.models + "/" + rel, encoding: .utf8)
        }
        let models = ModelsSource.files(files, label: "mem")
        let doc = try ScenarioDocument.fromModels(models, name: "good")
        #expect(doc.info.source == "mem/scenarios/good.yaml")
        #expect(doc.info.sha256 == ScenarioHash.sha256Hex(Array(files["scenarios/good.yaml"]!.utf8)))
        #expect(try doc.decode(TSpec.self).hardware.ids == ["gpu-a", "cpu-s"])
        #expect(throws: ScenarioErrors([ScenarioError(file: "mem/scenarios/god.yaml", line: 0, column: 0, path: "",
                                                      message: "no such scenario (did you mean 'good'?); known: good")])) {
            try ScenarioDocument.fromModels(models, name: "god")
        }
    }

    @Test func scenarioMayDefineHardwareTheCatalogLacks() throws {
        var scenario = try String(contentsOfFile: path, encoding: .utf8)
        scenario = scenario.replacingOccurrences(of: "hardware: cpu-s", with: "hardware: my-gpu")
        scenario += """
        \nhardware:
          my-gpu:
            name: Custom
            tdp_w: {value: 0.9, unit: kW, source: "assumption: test"}
            idle_fraction: {value: 0.1, unit: fraction, source: "assumption: test"}
            embodied_kg: {value: 1, unit: t, source: "assumption: test"}
        """
        // The appended `hardware` replaces the first one (a duplicate key is an error), so drop the first.
        scenario = scenario.replacingOccurrences(of: "hardware:\n  gpu-a:\n    tdp_w: {value: 1400, unit: W, source: \"assumption: override in the scenario\"}\n", with: "")
        let doc = try ScenarioDocument(text: scenario, file: "custom.yaml", models: .directory(Fixtures.models))
        #expect(doc.check(TSpec.self).isEmpty)
        let spec = try doc.decode(TSpec.self)
        #expect(spec.hardware.ids == ["gpu-a", "my-gpu"])
        #expect(spec.hardware[id: "my-gpu"]?.tdpW == 900)
        #expect(spec.hardware[id: "gpu-a"]?.tdpW == 1200)
    }

    @Test func catalogListsAndDecodesEntriesWithoutAScenario() throws {
        let catalog = try Catalog(models: .directory(Fixtures.models))
        #expect(catalog.hardware.map(\.id) == ["gpu-a", "gpu-b", "cpu-s"])
        #expect(catalog.hardware.map(\.name) == ["Test GPU A", "Test GPU B", "Test CPU server"])
        #expect(catalog.sites.map(\.id) == ["site-a", "site-b"])
        #expect(catalog.grids.map(\.id) == ["grid-a", "grid-b"])
        #expect(catalog.scenarios == ["good"])
        let gpu = try catalog.decode(THardware.self, .hardware, id: "gpu-a")
        #expect(gpu.tdpW == 1200 && gpu.idleFraction == 0.18 && gpu.id == "gpu-a")
        let params = try catalog.parameters(.hardware, id: "gpu-a")
        #expect(params.first?.path == "hardware.gpu-a.tdp_w")
        #expect(throws: ScenarioErrors([ScenarioError(file: "--gpu", line: 0, column: 0, path: "hardware.gpu-z",
                                                      message: "unknown hardware 'gpu-z' (the closest known id is 'gpu-a')")])) {
            try catalog.decode(THardware.self, .hardware, id: "gpu-z")
        }
    }
}

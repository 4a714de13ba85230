/// A group of identical units deployed together at one site on a ramp, in
/// service until the end of their useful life (or refreshed), running a mix of
/// training and inference.
public struct CohortSpec: Codable, Sendable, Identified {
    public var id: String = ""
    /// Catalog id of the hardware, a key of `FleetSpec.hardware`.
    public var hardware: String
    /// Site id, a key of `FleetSpec.sites`.
    public var site: String
    /// Units serving the workload at full deployment (GPUs, or servers for CPU cohorts),
    /// not counting spares.
    public var count: Double
    /// First day of the deployment ramp, "YYYY-MM-DD".
    public var deployStart: String
    /// Day by which the whole cohort is in service, "YYYY-MM-DD".
    public var deployEnd: String
    /// Shape of the ramp between the two dates.
    public var ramp: RampShape
    /// Steepness k of the logistic ramp (ignored for linear), dimensionless; 10 puts
    /// 1 % of the cohort in place at 7 % of the ramp's duration.
    public var rampSteepness: Double
    /// Whether units reaching the end of their useful life inside the term are
    /// replaced by identical new units (true) or retired (false).
    public var refresh: Bool
    /// Catalog id of the hardware that replaces the units when they retire (a generation
    /// refresh), nil for none. The replacement becomes its own cohort, `<id>-refresh`
    /// (see `FleetSpec.expandingRefreshes()`).
    public var refreshTo: String?
    /// Day on which the refresh into `refreshTo` starts, "YYYY-MM-DD"; nil: at the end of
    /// the units' useful life. Units retire on the deployment ramp shifted to this day.
    public var refreshDate: String?
    /// Name of the scenario option that switches the `refreshTo` refresh on; when that option is
    /// disabled the cohort refreshes as `refresh` says (in kind or not at all). Nil: always on.
    public var refreshOption: String?
    /// Name of the scenario option (`options.<name>`) that this cohort belongs to; the
    /// cohort is left out when that option is disabled. Nil: always part of the fleet.
    public var option: String?
    /// Years after which units retire, when a refresh date shortens the hardware's life;
    /// nil: the hardware's useful life. Set by `FleetSpec.expandingRefreshes()`, not read from files.
    public var serviceLifeYears: Double?
    /// Years by which the whole deployment ramp is delayed (the successor cohort of a refresh
    /// deploys as its predecessor retires); nil: none. Set by `FleetSpec.expandingRefreshes()`.
    public var deployDelayYears: Double?
    /// Spare units held per serving unit (hot spares, powered at bare idle), fraction.
    public var spareFraction: Double
    /// Board power limit as a fraction of TDP (nvidia-smi -pl), nil for none.
    public var powerCapFraction: Double?
    /// Whether the racks are direct-to-chip liquid cooled (the hardware's liquid heat
    /// share goes to liquid) or air cooled (all heat to air).
    public var liquidCooled: Bool
    /// What the units run.
    public var workload: WorkloadSpec

    public init(id: String, hardware: String, site: String, count: Double, deployStart: String,
                deployEnd: String, ramp: RampShape = .logistic, rampSteepness: Double = 10,
                refresh: Bool = false, spareFraction: Double = 0, powerCapFraction: Double? = nil,
                liquidCooled: Bool, workload: WorkloadSpec, refreshTo: String? = nil, refreshDate: String? = nil,
                option: String? = nil) {
        self.id = id; self.hardware = hardware; self.site = site; self.count = count
        self.deployStart = deployStart; self.deployEnd = deployEnd; self.ramp = ramp
        self.rampSteepness = rampSteepness; self.refresh = refresh
        self.spareFraction = spareFraction; self.powerCapFraction = powerCapFraction
        self.liquidCooled = liquidCooled; self.workload = workload
        self.refreshTo = refreshTo; self.refreshDate = refreshDate; self.option = option
    }

    enum CodingKeys: String, CodingKey {
        case hardware, site, count, ramp, refresh, workload, option
        case refreshTo = "refresh_to"
        case refreshDate = "refresh_date"
        case refreshOption = "refresh_option"
        case deployStart = "deploy_start"
        case deployEnd = "deploy_end"
        case rampSteepness = "ramp_steepness"
        case spareFraction = "spare_fraction"
        case powerCapFraction = "power_cap_fraction"
        case liquidCooled = "liquid_cooled"
    }
}

/// Shape of a deployment ramp.
public enum RampShape: String, Codable, Sendable, CaseIterable {
    /// Normalised logistic S-curve: 0 at the start date, 1 at the end date.
    case logistic
    /// Straight line from 0 at the start date to 1 at the end date.
    case linear
}

/// The work a cohort's serving units do: a share trains (steady, high utilization),
/// the rest serves inference (following a daily cycle).
///
/// Each part is given one of two ways. The board-power route (`*_board_power_fraction`,
/// what fleet telemetry reports): the mean board power per GPU as a fraction of TDP.
/// The utilization route: nvidia-smi's "GPU utilization" (fraction of time a kernel runs),
/// its spread across units and time as a beta distribution (mean, concentration κ = α + β)
/// and the kernels' intensity, mapped through the hardware's power curve. When a board
/// power fraction is given, that part's utilization, concentration and intensity are unused
/// and may be left out.
public struct WorkloadSpec: Codable, Sendable, Hashable {
    /// Share of serving units that train, fraction.
    public var trainingFraction: Double
    /// Mean utilization of training units, fraction.
    public var trainingUtilizationFraction: Double
    /// Concentration κ = α + β of the training utilization distribution, dimensionless.
    public var trainingConcentration: Double
    /// Dynamic power of training kernels relative to dense GEMM at equal utilization, fraction.
    public var trainingIntensityFraction: Double
    /// Daily mean utilization of inference units, fraction.
    public var inferenceUtilizationFraction: Double
    /// Concentration κ = α + β of the inference utilization distribution, dimensionless.
    public var inferenceConcentration: Double
    /// Dynamic power of inference kernels (memory-bound decode) relative to dense GEMM, fraction.
    public var inferenceIntensityFraction: Double
    /// Relative amplitude of the daily cycle of inference utilization, fraction.
    public var inferenceDiurnalAmplitudeFraction: Double
    /// Hour of the day (UTC, 0–23) at which inference utilization peaks.
    public var inferencePeakHourUTC: Int
    /// Mean board power of a training GPU as a fraction of TDP (telemetry route), nil: utilization route.
    public var trainingBoardPowerFraction: Double?
    /// Daily mean board power of an inference GPU as a fraction of TDP (telemetry route), nil: utilization route.
    public var inferenceBoardPowerFraction: Double?
    /// The named profile of models/workloads.yaml these values start from, nil: written in full.
    public var profile: String?

    public init(trainingFraction: Double, trainingUtilizationFraction: Double,
                trainingConcentration: Double, trainingIntensityFraction: Double,
                inferenceUtilizationFraction: Double, inferenceConcentration: Double,
                inferenceIntensityFraction: Double, inferenceDiurnalAmplitudeFraction: Double,
                inferencePeakHourUTC: Int, trainingBoardPowerFraction: Double? = nil,
                inferenceBoardPowerFraction: Double? = nil, profile: String? = nil) {
        self.trainingFraction = trainingFraction
        self.trainingUtilizationFraction = trainingUtilizationFraction
        self.trainingConcentration = trainingConcentration
        self.trainingIntensityFraction = trainingIntensityFraction
        self.inferenceUtilizationFraction = inferenceUtilizationFraction
        self.inferenceConcentration = inferenceConcentration
        self.inferenceIntensityFraction = inferenceIntensityFraction
        self.inferenceDiurnalAmplitudeFraction = inferenceDiurnalAmplitudeFraction
        self.inferencePeakHourUTC = inferencePeakHourUTC
        self.trainingBoardPowerFraction = trainingBoardPowerFraction
        self.inferenceBoardPowerFraction = inferenceBoardPowerFraction
        self.profile = profile
    }

    /// Reads either route per part: with `*_board_power_fraction` given, that part's
    /// utilization, concentration and intensity may be absent (they are unused; stored as 0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainingFraction = try c.decode(Double.self, forKey: .trainingFraction)
        trainingBoardPowerFraction = try c.decodeIfPresent(Double.self, forKey: .trainingBoardPowerFraction)
        inferenceBoardPowerFraction = try c.decodeIfPresent(Double.self, forKey: .inferenceBoardPowerFraction)
        func read(_ key: CodingKeys, optional: Bool) throws -> Double {
            optional ? try c.decodeIfPresent(Double.self, forKey: key) ?? 0 : try c.decode(Double.self, forKey: key)
        }
        let t = trainingBoardPowerFraction != nil, i = inferenceBoardPowerFraction != nil
        trainingUtilizationFraction = try read(.trainingUtilizationFraction, optional: t)
        trainingConcentration = try read(.trainingConcentration, optional: t)
        trainingIntensityFraction = try read(.trainingIntensityFraction, optional: t)
        inferenceUtilizationFraction = try read(.inferenceUtilizationFraction, optional: i)
        inferenceConcentration = try read(.inferenceConcentration, optional: i)
        inferenceIntensityFraction = try read(.inferenceIntensityFraction, optional: i)
        inferenceDiurnalAmplitudeFraction = try c.decode(Double.self, forKey: .inferenceDiurnalAmplitudeFraction)
        inferencePeakHourUTC = try c.decode(Int.self, forKey: .inferencePeakHourUTC)
        profile = try c.decodeIfPresent(String.self, forKey: .profile)
    }

    enum CodingKeys: String, CodingKey {
        case trainingFraction = "training_fraction"
        case trainingUtilizationFraction = "training_utilization_fraction"
        case trainingConcentration = "training_concentration"
        case trainingIntensityFraction = "training_intensity_fraction"
        case inferenceUtilizationFraction = "inference_utilization_fraction"
        case inferenceConcentration = "inference_concentration"
        case inferenceIntensityFraction = "inference_intensity_fraction"
        case inferenceDiurnalAmplitudeFraction = "inference_diurnal_amplitude_fraction"
        case inferencePeakHourUTC = "inference_peak_hour_utc"
        case trainingBoardPowerFraction = "training_board_power_fraction"
        case inferenceBoardPowerFraction = "inference_board_power_fraction"
        case profile
    }
}

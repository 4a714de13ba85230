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
                liquidCooled: Bool, workload: WorkloadSpec) {
        self.id = id; self.hardware = hardware; self.site = site; self.count = count
        self.deployStart = deployStart; self.deployEnd = deployEnd; self.ramp = ramp
        self.rampSteepness = rampSteepness; self.refresh = refresh
        self.spareFraction = spareFraction; self.powerCapFraction = powerCapFraction
        self.liquidCooled = liquidCooled; self.workload = workload
    }

    enum CodingKeys: String, CodingKey {
        case hardware, site, count, ramp, refresh, workload
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
/// the rest serves inference (lower utilization following a daily cycle).
///
/// Utilization is nvidia-smi's "GPU utilization" (fraction of time a kernel runs);
/// its spread across units and time is a beta distribution with the given mean
/// and concentration κ = α + β.
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

    public init(trainingFraction: Double, trainingUtilizationFraction: Double,
                trainingConcentration: Double, trainingIntensityFraction: Double,
                inferenceUtilizationFraction: Double, inferenceConcentration: Double,
                inferenceIntensityFraction: Double, inferenceDiurnalAmplitudeFraction: Double,
                inferencePeakHourUTC: Int) {
        self.trainingFraction = trainingFraction
        self.trainingUtilizationFraction = trainingUtilizationFraction
        self.trainingConcentration = trainingConcentration
        self.trainingIntensityFraction = trainingIntensityFraction
        self.inferenceUtilizationFraction = inferenceUtilizationFraction
        self.inferenceConcentration = inferenceConcentration
        self.inferenceIntensityFraction = inferenceIntensityFraction
        self.inferenceDiurnalAmplitudeFraction = inferenceDiurnalAmplitudeFraction
        self.inferencePeakHourUTC = inferencePeakHourUTC
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
    }
}

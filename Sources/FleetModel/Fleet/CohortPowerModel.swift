import Foundation
internal import GSL

/// Everything about one cohort's IT power that does not change hour by hour,
/// computed once per spec: the expected power of a serving unit at each hour of
/// the day (QAGS over the utilization distributions), the standby power of spares,
/// unit counts and the deployment ramp. `load` fills the hourly arrays from it;
/// `itPowerW(atHour:)` is the same power in continuous time.
public struct CohortPowerModel: Sendable {
    public let cohortID: String
    public let siteID: String
    public let isGPU: Bool
    /// Share of IT heat to liquid: the hardware's share if the racks are liquid cooled, else 0.
    public let liquidHeatFraction: Double
    /// Units serving the workload at full deployment: N · min(1, (1 + s)(1 − r)).
    public let servingUnits: Double
    /// Powered spare units at full deployment: N · ((1 + s)(1 − r) − min(1, (1 + s)(1 − r))).
    public let spareUnits: Double
    /// Units installed at full deployment, serving, spare and in repair: N (1 + s).
    public let installedUnits: Double
    /// Fraction of the contracted count that is serving (availability), min(1, (1 + s)(1 − r)).
    public let availability: Double
    /// IT power of one serving unit at hour-of-day d + ½ (board + host + network + storage), W.
    public let servingPowerByHourOfDay: [Double]
    /// IT power of one powered spare (bare idle board, idle host, network, storage), W.
    public let sparePowerW: Double
    /// IT power of one serving unit averaged over the day (mean of the 24 hourly values), by component, W.
    public let meanServingPower: UnitPower
    /// Board power limit (TDP) of the hardware, W.
    public let tdpW: Double
    /// Embodied carbon charged per installed unit-hour (amortisation of the whole unit plus the
    /// GPU modules that replace failed ones), kg.
    public let embodiedKgPerUnitHour: Double
    public let ramp: DeploymentRamp
    /// IT power of the whole cohort in service at hour-of-day d + ½ (serving and spare units), W.
    let dayPowerW: [Double]
    let rampProfile: RampProfile

    private let profile: ServingPowerProfile


    /// - Parameter previous: the model of an earlier spec (a Monte Carlo sample's base run);
    ///   its ramp profile is reused when the ramp and the calendar are unchanged.
    public init(cohort: CohortSpec, hardware: HardwareSpec, calendar: TermCalendar,
                previous: CohortPowerModel? = nil) throws {
        cohortID = cohort.id
        siteID = cohort.site
        isGPU = hardware.isGPU
        liquidHeatFraction = cohort.liquidCooled ? hardware.liquidHeatFraction : 0

        let inRepair = hardware.annualFailureRate * hardware.repairTimeHours / TermCalendar.hoursPerYear
        let up = (1 + cohort.spareFraction) * (1 - min(inRepair, 1))
        availability = min(1, up)
        servingUnits = cohort.count * availability
        spareUnits = cohort.count * (up - availability)
        installedUnits = cohort.count * (1 + cohort.spareFraction)

        sparePowerW = hardware.idleBareW + hardware.hostIdleW + hardware.networkW + hardware.storageW
        tdpW = hardware.tdpW
        let life = hardware.usefulLifeYears * TermCalendar.hoursPerYear
        embodiedKgPerUnitHour = hardware.embodiedKg / life
            + hardware.embodiedReplacementKg * hardware.annualFailureRate / TermCalendar.hoursPerYear

        let delay = (cohort.deployDelayYears ?? 0) * TermCalendar.hoursPerYear
        ramp = DeploymentRamp(startHour: try calendar.hour(of: cohort.deployStart) + delay,
                              endHour: try calendar.hour(of: cohort.deployEnd) + delay,
                              shape: cohort.ramp, steepness: cohort.rampSteepness,
                              lifeHours: cohort.serviceLifeYears.map { $0 * TermCalendar.hoursPerYear } ?? life,
                              refresh: cohort.refresh)

        let p = try ServingPowerProfile(workload: cohort.workload, hardware: hardware,
                                        capFraction: cohort.powerCapFraction)
        profile = p
        let parts = try (0..<24).map { try p.components(hourOfDay: Double($0) + 0.5) }
        let byHour = parts.map(\.totalW)
        servingPowerByHourOfDay = byHour
        meanServingPower = UnitPower(boardW: parts.reduce(0) { $0 + $1.boardW } / 24,
                                     hostW: parts.reduce(0) { $0 + $1.hostW } / 24,
                                     networkW: hardware.networkW, storageW: hardware.storageW)
        let serving = servingUnits, spares = spareUnits, spareW = sparePowerW
        dayPowerW = byHour.map { serving * $0 + spares * spareW }
        if let old = previous?.rampProfile, old.ramp == ramp, old.matches(calendar) {
            rampProfile = old
        } else {
            rampProfile = RampProfile(ramp: ramp, calendar: calendar)
        }
    }

    /// IT power of the cohort at time `t` (hours from the start of the term), W:
    /// D(t) · (N_serve · p_serve(τ) + N_spare · p_spare), τ = t mod 24.
    ///
    /// At an hour's midpoint t = h + ½ it equals `load(calendar:).itPowerW[h]`.
    public func itPowerW(atHour t: Double) throws -> Double {
        let d = ramp.inService(atHour: t)
        if d == 0 { return 0 }
        return d * (servingUnits * (try profile.powerW(hourOfDay: t.truncatingRemainder(dividingBy: 24)))
                    + spareUnits * sparePowerW)
    }

    /// The cohort's hourly IT power, liquid share, month-end unit counts and monthly embodied carbon.
    ///
    /// The term splits into hours before deployment (D = 0, left at zero), hours with every
    /// unit in service (D = 1, a copy of the day's table) and ramp hours (deployment or
    /// retirement windows), the only ones that read D(h + ½) from the ramp profile.
    public func load(calendar: TermCalendar) -> CohortLoad {
        let hours = calendar.hourCount
        let r = rampProfile.matches(calendar) ? rampProfile : RampProfile(ramp: ramp, calendar: calendar)
        var power = [Double](repeating: 0, count: hours)
        power.withUnsafeMutableBufferPointer { out in
            HourlyFill(day: dayPowerW, profile: r, liquidHeatFraction: liquidHeatFraction)
                .accumulate(from: 0, to: hours, it: out.baseAddress!, liquid: nil)
        }
        let perUnitHour = installedUnits * embodiedKgPerUnitHour
        return CohortLoad(cohortID: cohortID, siteID: siteID, isGPU: isGPU, itPowerW: power,
                          liquidHeatFraction: liquidHeatFraction,
                          installedAtMonthEnd: r.inServiceAtMonthEnd.map { installedUnits * $0 },
                          embodiedKgPerMonth: r.unitHours.map { $0 * perUnitHour },
                          servingUnitHoursPerMonth: r.unitHours.map { $0 * servingUnits })
    }

    /// What adding this cohort's power to its site's hours reads.
    var hourlyFill: HourlyFill { HourlyFill(day: dayPowerW, profile: rampProfile, liquidHeatFraction: liquidHeatFraction) }

    /// What the hourly fill needs from the deployment ramp, which depends on neither counts
    /// nor power: the hours where D moves and its values there, unit-hours and D at each
    /// month's end. Built once per ramp and calendar and shared by Monte Carlo samples that
    /// leave the ramp unchanged (`previous:`), since it costs one `exp` per ramp hour.
    struct RampProfile: Sendable {
        let ramp: DeploymentRamp
        let monthStartHour: [Int]
        /// First hour whose midpoint is past the start; first hour at or past the end of
        /// deployment; first hour past the start of retirement (hours ≥ fullEnd may be retiring).
        let rampStart: Int, fullStart: Int, fullEnd: Int
        /// First hour from which every unit has retired (D(h + ½) = 0 exactly); the term's
        /// hour count when units are refreshed or outlive the term.
        let goneStart: Int
        /// D(h + ½) for h in rampStart..<fullStart, and for h in fullEnd..<hours.
        let rising: [Double], tail: [Double]
        /// Σ D(h + ½) over each month's hours.
        let unitHours: [Double]
        /// D at the end of each month.
        let inServiceAtMonthEnd: [Double]

        init(ramp: DeploymentRamp, calendar: TermCalendar) {
            self.ramp = ramp
            monthStartHour = calendar.monthStartHour
            let hours = calendar.hourCount
            let rs = Int(saturating: (ramp.startHour - 0.5).rounded(.down) + 1, in: 0...hours)
            let fs = Int(saturating: (ramp.endHour - 0.5).rounded(.up), in: rs...hours)
            let fe = ramp.refresh ? hours
                : Int(saturating: (ramp.startHour + ramp.lifeHours - 0.5).rounded(.down) + 1, in: fs...hours)
            rampStart = rs; fullStart = fs; fullEnd = fe
            goneStart = ramp.refresh ? hours
                : min(hours, max(fe, Int((ramp.endHour + ramp.lifeHours - 0.5).rounded(.up))))
            var units = [Double](repeating: 0, count: calendar.months)
            var up = [Double](repeating: 0, count: fs - rs), down = [Double](repeating: 0, count: hours - fe)
            calendar.monthIndex.withUnsafeBufferPointer { month in
                for h in rs..<fs {
                    let d = ramp.inService(atHour: Double(h) + 0.5)
                    up[h - rs] = d
                    units[Int(month[h])] += d
                }
                for h in fe..<hours {
                    let d = ramp.inService(atHour: Double(h) + 0.5)
                    down[h - fe] = d
                    units[Int(month[h])] += d
                }
            }
            for k in 0..<calendar.months {
                let lo = max(calendar.monthStartHour[k], fs), hi = min(calendar.monthStartHour[k + 1], fe)
                if hi > lo { units[k] += Double(hi - lo) }
            }
            rising = up; tail = down; unitHours = units
            inServiceAtMonthEnd = (0..<calendar.months).map {
                ramp.inService(atHour: Double(calendar.monthStartHour[$0 + 1]))
            }
        }

        /// Whether this profile was built for `calendar`'s hours.
        func matches(_ calendar: TermCalendar) -> Bool { monthStartHour == calendar.monthStartHour }
    }
}

/// IT power of one serving unit as a function of the time of day:
/// ```
/// p(τ) = φ·(B_T + h(x_T)) + (1 − φ)·(B_I(τ) + h(x_I(τ))) + P_net + P_sto
/// h(x) = H_idle + (H_max − H_idle)·x
/// ```
/// Utilization route: B_T = E[P_T(U_T)], B_I(τ) = E_I(μ_I(τ)) from `expectedBoardPower` (QAGS
/// tables over μ, E_I sampled on a grid of μ over the daily range and interpolated with Steffen's
/// method), x = μ. Board-power route: B = f·T with the inference fraction following the daily
/// cycle above idle-with-context, f_I(τ) = f₀ + (f̄_I − f₀)(1 + a·cos(2π(τ − τ_pk)/24)), clamped
/// to [f₀, min(c, f₁)] (f₀ = P₀/T, f₁ = S(1)/T), and x = (B − P₀)/(S(1) − P₀), the load that
/// board power implies on the dense-GEMM curve.
struct ServingPowerProfile: Sendable {
    let trainingFraction: Double
    /// Board and host power of a training unit, W.
    let trainingBoardW: Double
    let trainingHostW: Double
    let inferenceMean: Double
    let amplitude: Double
    let peakHour: Double
    let hostIdleW: Double
    let hostSlopeW: Double
    let networkW: Double
    let storageW: Double
    /// E_I as a function of the mean utilization, or a constant when the day has no cycle.
    let inferenceByMean: Interpolator?
    let inferenceConstantW: Double
    /// Board-power route of inference: daily mean fraction of TDP, nil for the utilization route.
    let inferenceBoardFraction: Double?
    let tdpW: Double
    let idleContextW: Double
    /// Board power on dense GEMM at u = 1 (capped), the top of the load scale, W.
    let fullLoadW: Double

    /// Grid points of the inference mean over its daily range.
    static let meanGridPoints = 17

    init(workload w: WorkloadSpec, hardware: HardwareSpec, capFraction: Double?) throws {
        let curve = try PowerCurve(hardware: hardware, capFraction: capFraction)
        trainingFraction = w.trainingFraction
        hostIdleW = hardware.hostIdleW
        hostSlopeW = hardware.hostMaxW - hardware.hostIdleW
        networkW = hardware.networkW
        storageW = hardware.storageW
        inferenceMean = w.inferenceUtilizationFraction
        amplitude = w.inferenceDiurnalAmplitudeFraction
        peakHour = Double(w.inferencePeakHourUTC)
        tdpW = hardware.tdpW
        idleContextW = curve.idleContextW
        fullLoadW = try curve.boardPowerW(utilization: 1)
        inferenceBoardFraction = w.inferenceBoardPowerFraction

        if w.trainingFraction > 0 {
            if let f = w.trainingBoardPowerFraction {
                trainingBoardW = Self.clampBoard(f * hardware.tdpW, idle: curve.idleContextW, full: fullLoadW)
                trainingHostW = hostIdleW + hostSlopeW * Self.load(board: trainingBoardW, idle: curve.idleContextW, full: fullLoadW)
            } else {
                let board = try Self.expectedBoardPower(curve: curve, hardware: hardware,
                                                        concentration: w.trainingConcentration,
                                                        intensity: w.trainingIntensityFraction)
                trainingBoardW = try board(w.trainingUtilizationFraction)
                trainingHostW = hostIdleW + hostSlopeW * w.trainingUtilizationFraction
            }
        } else {
            trainingBoardW = 0
            trainingHostW = 0
        }

        let lo = Self.clampMean(inferenceMean * (1 - amplitude))
        let hi = Self.clampMean(inferenceMean * (1 + amplitude))
        if w.trainingFraction >= 1 || w.inferenceBoardPowerFraction != nil {
            inferenceByMean = nil
            inferenceConstantW = 0
        } else {
            let expected = try Self.expectedBoardPower(curve: curve, hardware: hardware,
                                                       concentration: w.inferenceConcentration,
                                                       intensity: w.inferenceIntensityFraction)
            if hi - lo < 1e-9 {
                inferenceByMean = nil
                inferenceConstantW = try expected(lo)
            } else {
                let n = Self.meanGridPoints
                let mus = (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
                inferenceByMean = try Interpolator(x: mus, y: mus.map(expected), method: .steffen)
                inferenceConstantW = 0
            }
        }
    }

    /// E[P(U)] (W) as a function of the mean utilization for one workload:
    /// P₀ + ι·(TDP·T_κ(μ) − P₀) from the shared table when the cap cannot bind,
    /// else a QAGS integral of the capped curve for each mean.
    static func expectedBoardPower(curve: PowerCurve, hardware: HardwareSpec, concentration: Double,
                                   intensity: Double) throws -> (Double) throws -> Double {
        let p0 = curve.idleContextW, tdp = hardware.tdpW
        let peak = p0 + intensity * ((hardware.curvePowerFraction.last ?? 1) * tdp - p0)
        if curve.capW >= peak {
            let table = try ExpectedPowerTable.table(hardware: hardware, concentration: concentration)
            return { mu in p0 + intensity * (tdp * (try ExpectedPowerTable.value(table, mean: mu)) - p0) }
        }
        return { mu in
            try UtilizationDistribution(mean: mu, concentration: concentration)
                .expectation { try curve.boardPowerW(utilization: $0, intensity: intensity) }
        }
    }

    @inline(__always)
    static func clampMean(_ mu: Double) -> Double { min(max(mu, 0.01), 0.99) }

    /// A given board power held between idle-with-context and the (capped) dense-GEMM maximum, W.
    @inline(__always)
    static func clampBoard(_ w: Double, idle: Double, full: Double) -> Double { min(max(w, idle), full) }

    /// The load x ∈ [0, 1] a board power implies: (B − P₀)/(P_full − P₀).
    @inline(__always)
    static func load(board: Double, idle: Double, full: Double) -> Double {
        full > idle ? min(max((board - idle) / (full - idle), 0), 1) : 1
    }

    /// Mean inference utilization at time of day τ (hours, UTC).
    @inline(__always)
    func inferenceMean(hourOfDay tau: Double) -> Double {
        Self.clampMean(inferenceMean * (1 + amplitude * cos(2 * Double.pi * (tau - peakHour) / 24)))
    }

    /// Board and host power of an inference unit at time of day τ, W.
    func inference(hourOfDay tau: Double) throws -> (board: Double, host: Double) {
        let cycle = 1 + amplitude * cos(2 * Double.pi * (tau - peakHour) / 24)
        if let f = inferenceBoardFraction {
            let board = Self.clampBoard(idleContextW + (f * tdpW - idleContextW) * cycle, idle: idleContextW, full: fullLoadW)
            return (board, hostIdleW + hostSlopeW * Self.load(board: board, idle: idleContextW, full: fullLoadW))
        }
        let mu = inferenceMean(hourOfDay: tau)
        let board = try inferenceByMean.map { try $0.value(at: min(max(mu, $0.x[0]), $0.x[$0.x.count - 1])) }
            ?? inferenceConstantW
        return (board, hostIdleW + hostSlopeW * mu)
    }

    /// Power of one serving unit at τ split into board, host, network and storage, W.
    func components(hourOfDay tau: Double) throws -> UnitPower {
        var board = trainingFraction * trainingBoardW, host = trainingFraction * trainingHostW
        if trainingFraction < 1 {
            let i = try inference(hourOfDay: tau)
            board += (1 - trainingFraction) * i.board
            host += (1 - trainingFraction) * i.host
        }
        return UnitPower(boardW: board, hostW: host, networkW: networkW, storageW: storageW)
    }

    /// p(τ), W.
    func powerW(hourOfDay tau: Double) throws -> Double { try components(hourOfDay: tau).totalW }
}

/// IT power of one unit split by component, W.
public struct UnitPower: Sendable, Hashable {
    public var boardW: Double
    public var hostW: Double
    public var networkW: Double
    public var storageW: Double
    public var totalW: Double { boardW + hostW + networkW + storageW }

    public init(boardW: Double, hostW: Double, networkW: Double, storageW: Double) {
        self.boardW = boardW; self.hostW = hostW; self.networkW = networkW; self.storageW = storageW
    }
}

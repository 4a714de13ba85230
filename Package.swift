// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "fleetwatt",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GSL", targets: ["GSL"]),
        .library(name: "FleetModel", targets: ["FleetModel"]),
        .library(name: "FleetReport", targets: ["FleetReport"]),
        .executable(name: "fleetwatt", targets: ["fleetwatt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Implementation details

        /// The GNU Scientific Library as a C module. Only `GSL` imports it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),

        // MARK: - Public API

        /// Swift wrapper over GSL: quadrature, random numbers and distributions, quasi-random
        /// sequences, statistics, linear algebra, interpolation.
        .target(name: "GSL", dependencies: ["CGSL"]),

        /// Scenarios, physics and accounting of a GPU fleet; Monte Carlo and sensitivity.
        .target(
            name: "FleetModel",
            dependencies: [
                "GSL", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        /// Markdown reports, SVG charts, JSON, CSV and Jupyter notebooks.
        .target(name: "FleetReport", dependencies: ["FleetModel"]),

        /// The command-line tool: parses flags and calls the libraries.
        .executableTarget(
            name: "fleetwatt",
            dependencies: [
                "FleetModel", "FleetReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        /// Helpers shared by the test targets: tolerance assertions, temp folders, running processes and the CLI.
        .target(name: "FleetTestSupport", path: "Sources/FleetTestSupport"),

        // MARK: - Unit test bundles

        .testTarget(name: "GSLTests", dependencies: ["GSL", "FleetTestSupport"]),
        .testTarget(name: "FleetModelTests", dependencies: ["FleetModel", "GSL", "FleetTestSupport"], exclude: ["Fixtures"],
                    resources: [.copy("Data")]),
        .testTarget(name: "FleetReportTests", dependencies: ["FleetReport", "FleetTestSupport"]),
        .testTarget(name: "fleetwattTests", dependencies: ["fleetwatt", "FleetModel", "FleetReport", "FleetTestSupport"],
                    exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)

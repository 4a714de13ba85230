// swift-tools-version: 6.0
// The libFuzzer target for fleetwatt's input parsers. Kept out of the main package
// because it is built with -sanitize=fuzzer; see docs/FUZZING.md.
import PackageDescription

let package = Package(
    name: "FleetFuzz",
    dependencies: [.package(name: "fleetwatt", path: "..")],
    targets: [
        .executableTarget(
            name: "FleetFuzz",
            dependencies: [.product(name: "FleetModel", package: "fleetwatt")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

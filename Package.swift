// swift-tools-version:6.0
// MineralIntake: potassium, magnesium, calcium, sodium and vitamin D intake against official targets.
// No package dependencies by design: only the Swift toolchain.
import PackageDescription

let package = Package(
    name: "MineralIntake",
    products: [
        .library(name: "MineralIntake", targets: ["MineralIntake", "MineralIntakeMeasurement"]),
        .executable(name: "mineral", targets: ["mineral"]),
    ],
    targets: [
        // Every capability, in memory: foods, search, targets, journal, reports.
        .target(name: "MineralIntake"),
        // Foundation's `Measurement` for the library's amounts: the one part that needs full Foundation (and ICU),
        // kept apart so the library and `mineral` start with FoundationEssentials only.
        .target(name: "MineralIntakeMeasurement", dependencies: ["MineralIntake"]),
        // The command line: argument parsing, data directory, rendering to stdout/stderr, exit codes.
        .target(name: "MineralCLI", dependencies: ["MineralIntake"]),
        .executableTarget(name: "mineral", dependencies: ["MineralCLI"]),
        // Reading the USDA SR28 release files from disk (runs gzip, so it needs full Foundation): the importer's.
        .target(name: "MineralImport", dependencies: ["MineralCLI", "MineralIntake"]),
        // Rebuilds FoodData/ and the compiled-in copy from the USDA SR28 release files.
        .executableTarget(name: "mineral-import", dependencies: ["MineralImport", "MineralCLI", "MineralIntake"]),
        // Speed goals live here, run with `swift run -c release mineral-benchmark`.
        .executableTarget(
            name: "mineral-benchmark", dependencies: ["MineralIntake"], path: "Benchmarks/MineralBenchmark"),
        // The baseline the benchmark compares whole-process times with: a Swift program that prints one line.
        .executableTarget(name: "print-only", path: "Benchmarks/PrintOnly"),
        // An example consumer of the library's public API (a test runs it).
        .executableTarget(name: "mineral-example-verdicts", dependencies: ["MineralIntake"], path: "Examples/WeekVerdicts",
                          exclude: ["week.csv"]),
        .testTarget(name: "MineralIntakeTests", dependencies: ["MineralIntake"], exclude: ["PhraseCorpus"]),
        // Imports the library as an outside package would (no @testable), so the public surface cannot break unseen.
        .testTarget(name: "MineralIntakeAPITests", dependencies: ["MineralIntake", "MineralIntakeMeasurement"]),
        .testTarget(name: "MineralCLITests", dependencies: ["MineralCLI", "MineralImport", "mineral", "mineral-example-verdicts"],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

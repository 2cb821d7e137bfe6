// Rebuilds FoodData/ from the USDA SR28 release and ../shared/reference, and regenerates the compiled-in copy.
//
//     swift run mineral-import                 # from the package root: reads ../shared/data/usda-sr28
//     swift run mineral-import --sr28 DIR      # another copy of the release
//     swift run mineral-import --check         # compare only; exit 1 if anything differs
import Foundation
import MineralCLI
import MineralImport
import MineralIntake

func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data("mineral-import: \(message)\n".utf8))
    exit(code)
}

var arguments = Array(CommandLine.arguments.dropFirst())
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
var sr28 = SR28Files.defaultDirectory(packageRoot: root)
var reference = root.deletingLastPathComponent().appendingPathComponent("shared/reference")
var check = false
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--sr28":
        guard let value = arguments.first else { fail("--sr28 needs a directory", 64) }
        arguments.removeFirst()
        sr28 = URL(fileURLWithPath: value)
    case "--reference":
        guard let value = arguments.first else { fail("--reference needs a directory", 64) }
        arguments.removeFirst()
        reference = URL(fileURLWithPath: value)
    case "--check": check = true
    case "-h", "--help":
        print("usage: mineral-import [--sr28 DIR] [--reference DIR] [--check]   (run from the package root)")
        exit(0)
    default: fail("unknown argument \"\(argument)\"; known: --sr28 DIR, --reference DIR, --check, --help", 64)
    }
}

let foodData = root.appendingPathComponent("FoodData")
let swiftFile = root.appendingPathComponent("Sources/MineralIntake/Generated/EmbeddedFoodData.swift")
let referenceSwiftFile = root.appendingPathComponent("Sources/MineralIntake/Generated/EmbeddedReferenceData.swift")
let referenceCopy = foodData.appendingPathComponent("reference")
guard FileManager.default.fileExists(atPath: foodData.appendingPathComponent(FoodDataFiles.FileName.names).path) else {
    fail("run from the package root: \(foodData.path)/names.tsv not found", 66)
}

do {
    let names = try String(contentsOf: foodData.appendingPathComponent(FoodDataFiles.FileName.names), encoding: .utf8)
    let release = try SR28Files.load(from: sr28)
    var files = try SR28Importer.importRelease(release, names: names)
    files.densities = try String(
        contentsOf: foodData.appendingPathComponent(FoodDataFiles.FileName.densities), encoding: .utf8)
    files.householdWords = try String(
        contentsOf: foodData.appendingPathComponent(FoodDataFiles.FileName.householdWords), encoding: .utf8)
    let checked = try FoodDatabase(files: files)  // also refuses data it would not load
    let indexes = checked.indexes()
    files.indexes = indexes
    let referenceFiles = ReferenceDataFiles(
        targets: try String(
            contentsOf: reference.appendingPathComponent(ReferenceDataFiles.FileName.targets), encoding: .utf8),
        sweat: try String(
            contentsOf: reference.appendingPathComponent(ReferenceDataFiles.FileName.sweat), encoding: .utf8),
        // Hand-written in FoodData/reference, not copied from ../shared/reference.
        withinPersonSD: try String(
            contentsOf: referenceCopy.appendingPathComponent(ReferenceDataFiles.FileName.withinPersonSD),
            encoding: .utf8))
    _ = try ReferenceTables(
        targetsCSV: referenceFiles.targets, sweatCSV: referenceFiles.sweat,
        withinPersonSDCSV: referenceFiles.withinPersonSD)
    try FileManager.default.createDirectory(
        at: foodData.appendingPathComponent("derived"), withIntermediateDirectories: true)
    let outputs: [(URL, String)] =
        [
            (foodData.appendingPathComponent(FoodDataFiles.FileName.foods), files.foods),
            (foodData.appendingPathComponent(FoodDataFiles.FileName.measures), files.measures),
            (foodData.appendingPathComponent(FoodDataFiles.FileName.groups), files.groups),
        ] + indexes.files.map { (foodData.appendingPathComponent($0.name), $0.text) } + [
            (swiftFile, files.embeddedSwiftSource()),
            (referenceCopy.appendingPathComponent(ReferenceDataFiles.FileName.targets), referenceFiles.targets),
            (referenceCopy.appendingPathComponent(ReferenceDataFiles.FileName.sweat), referenceFiles.sweat),
            (referenceSwiftFile, referenceFiles.embeddedSwiftSource()),
        ]
    var differing: [String] = []
    for (url, text) in outputs {
        let current = try? String(contentsOf: url, encoding: .utf8)
        guard current != text else { continue }
        differing.append(url.path)
        if !check { try Data(text.utf8).write(to: url, options: .atomic) }
    }
    if check {
        print(
            differing.isEmpty
                ? "FoodData is what the importer produces from \(sr28.path) and \(reference.path)"
                : "differs: " + differing.joined(separator: ", "))
        exit(differing.isEmpty ? 0 : 1)
    }
    print(differing.isEmpty ? "unchanged" : "wrote " + differing.joined(separator: ", "))
} catch let error as MineralIntakeError {
    fail(error.description, 65)
} catch let error as CLIError {
    fail(error.description, error.exitCode.rawValue)
} catch {
    fail("\(error)", 74)
}

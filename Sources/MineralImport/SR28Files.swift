import Foundation
import MineralCLI
import MineralIntake

/// Reads the USDA SR28 release files from a directory (the importer's only contact with the disk).
package enum SR28Files {
    /// Where the release sits beside this project: `../shared/data/usda-sr28` from the package root.
    package static func defaultDirectory(packageRoot: URL) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/usda-sr28")
    }

    /// Whether `directory` holds the files the importer needs.
    package static func isPresent(in directory: URL) -> Bool {
        let manager = FileManager.default
        let required = [
            SR28Release.FileName.foodDescriptions, SR28Release.FileName.foodGroups, SR28Release.FileName.weights,
        ]
        let nutrients = [SR28Release.FileName.nutrientData, SR28Release.FileName.nutrientData + ".gz"]
        return required.allSatisfy { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
            && nutrients.contains { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
    }

    /// The release's files; `NUT_DATA.txt` is read as it is, or from `NUT_DATA.txt.gz` through `gzip -dc`.
    package static func load(from directory: URL) throws -> SR28Release {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw CLIError.io("cannot read \(url.path): \(error.localizedDescription)")
            }
        }
        let plain = directory.appendingPathComponent(SR28Release.FileName.nutrientData)
        let nutrientData =
            FileManager.default.fileExists(atPath: plain.path)
            ? try read(SR28Release.FileName.nutrientData)
            : try gunzip(directory.appendingPathComponent(SR28Release.FileName.nutrientData + ".gz"))
        return SR28Release(
            foodDescriptions: try read(SR28Release.FileName.foodDescriptions),
            foodGroups: try read(SR28Release.FileName.foodGroups),
            nutrientData: nutrientData,
            weights: try read(SR28Release.FileName.weights))
    }

    static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw CLIError.io("cannot run gzip to read \(url.path): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError.io("gzip -dc \(url.path) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }
}

// libFuzzer target: the item and supplement parsers must never crash, whatever the text.
import Foundation

let fuzzCatalog = FoodCatalog(database: try! FoodDatabase.builtIn())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItem(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let item = try? fuzzCatalog.parseItem(text) {
        precondition(item.grams.map { $0 > 0 && $0 <= FoodCatalog.maximumGrams } ?? false, "grams out of range for \(text)")
    }
    _ = try? fuzzCatalog.parseSupplement(text)
    _ = try? fuzzCatalog.parseItem(text, food: .usda(NDBNumber(rawValue: "09298")!))
    return 0
}

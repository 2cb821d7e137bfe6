/// Locale-free number formatting, so output is the same on every machine.
enum NumberText {
    /// `text` as a plain decimal (`12`, `0.5`, `1162.25`): digits with at most one point, nothing else; `nil`
    /// otherwise.
    static func plainDecimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { TSVReader.decimal($0) }.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A number as plainly as it can be written without losing digits that matter:
    /// whole numbers without decimals (`130`), others with up to `maxDecimals`, trailing zeros trimmed (`0.5`).
    static func plain(_ value: Double, maxDecimals: Int = 3) -> String {
        fixed(value, decimals: maxDecimals)
    }

    /// A value for a person to read, precise to about four significant digits and never rounded to zero:
    /// `1510.6`, `32`, `4.13`, `0.025`; a positive value too small to show is `<0.001`.
    static func display(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals: Int
        switch magnitude {
        case 100...: decimals = 1
        case 10..<100: decimals = 2
        default: decimals = 3
        }
        let text = fixed(value, decimals: decimals)
        if value != 0, text == "0" || text == "-0" { return value > 0 ? "<0.001" : ">-0.001" }
        return text
    }

    /// `value` rounded half away from zero to `decimals` places, trailing zeros trimmed.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var fraction = String(units % UInt64(scale))
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        } else {
            fraction = ""
        }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// Turns a ``WeeklyReport`` into text for a terminal, Markdown, CSV, JSON or a self-contained HTML page.
public enum ReportRenderer {
    static func amount(_ value: Double?, _ unit: NutrientUnit) -> String {
        value.map { "\(NumberText.display($0)) \(unit.rawValue)" } ?? "–"
    }

    static func percent(_ value: Double?) -> String {
        value.map { NumberText.plain($0.rounded()) + " %" } ?? "–"
    }

    /// How much of a nutrient's food had no value: the share of grams, and servings of unknown weight counted
    /// (`0 % + 1 serving`), which a share of grams cannot show.
    static func noValue(_ nutrient: NutrientReport) -> String {
        let servings = nutrient.days.filter { !$0.partial }.reduce(0) { $0 + $1.servingsWithoutValue }
        let share = percent(nutrient.unknownShare * 100)
        return servings == 0 ? share : share + " + \(servings) serving\(servings == 1 ? "" : "s")"
    }

    static func verdictLabel(_ verdict: Verdict) -> String {
        switch verdict {
        case .likelyDeficiency: "likely deficiency"
        case .possibleShortfall: "possible shortfall"
        case .belowAdequateIntake: "below the AI"
        case .adequate: "adequate"
        case .aboveReduceLevel: "above CDRR: reduce"
        case .insufficientData: "not enough data"
        case .notLogged: "not logged"
        }
    }

    static func who(_ targets: Targets) -> String {
        var text = "\(targets.ageYears)-year-old"
        if targets.profile.state != .none { text += " \(targets.profile.state.rawValue)" }
        return text + " \(targets.profile.sex.rawValue), \(targets.standard.rawValue)"
    }

    static func title(_ report: WeeklyReport) -> String {
        let span =
            report.period.label.contains("W") && !report.period.label.hasPrefix("the last")
            ? " (\(report.period.from) – \(report.period.to))" : ""
        let kind = report.period.dayCount == 7 && report.period.label.contains("-W") ? "Weekly report" : "Report"
        let partial = report.nutrients.first?.days.filter(\.partial).count ?? 0
        return
            "\(kind) \(report.period.label)\(span) · \(who(report.targets)) · \(report.loggedDays) of "
            + "\(report.period.dayCount) days logged"
            + (partial > 0 ? " and counted, \(partial) partial" : "")
    }

    /// Text from people or files made literal in Markdown: `<script>`, `[x](javascript:…)`, `*`, `_` and the
    /// rest are escaped with a backslash, so nothing renders as markup or a link.
    static func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]()<>#+-.!|~&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Longer periods show weeks instead of days (a day-by-day table of a year helps no one).
    static let dayTableLimit = 62

    /// `▁▂▃▅▇` for the weekly averages (a gap where a week had no counted day).
    static func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return "" }
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return bars[3] }
                return bars[min(7, Int((value - low) / (high - low) * 7.999))]
            })
    }

    /// The trend a report shows: its weeks; for a period of more than 26 weeks its months, of more than 35 months
    /// its years (so a trend line fits 80 columns).
    struct TrendSeries {
        /// `week`, `month` or `year`.
        let unit: String
        let labels: [String]
        let days: [Int]
        let averages: [[Nutrient: Double]]

        /// `Week by week`, `Month by month`, `Year by year`.
        var title: String { "\(unit.prefix(1).uppercased())\(unit.dropFirst()) by \(unit)" }
    }

    /// The series the report's trend is shown by, or `nil` for a period of less than two weeks.
    static func trendSeries(_ report: WeeklyReport) -> TrendSeries? {
        if report.years.count >= 2 {
            return TrendSeries(
                unit: "year", labels: report.years.map(\.label), days: report.years.map(\.days),
                averages: report.years.map(\.averages))
        }
        if report.months.count >= 2 {
            return TrendSeries(
                unit: "month", labels: report.months.map(\.label), days: report.months.map(\.days),
                averages: report.months.map(\.averages))
        }
        guard report.weeks.count >= 2 else { return nil }
        return TrendSeries(
            unit: "week", labels: report.weeks.map(\.week), days: report.weeks.map(\.days),
            averages: report.weeks.map(\.averages))
    }

    /// Whether `nutrient` is getting better over `series` (for sodium, lower is better).
    static func trend(_ series: [[Nutrient: Double]], _ nutrient: NutrientReport) -> String? {
        PeriodAverages.trend(
            series, nutrient: nutrient.nutrient, goal: nutrient.goal, lowerIsBetter: nutrient.nutrient == .sodium)
    }

    /// The trend lines of a longer period: a sparkline per nutrient and whether it is getting better.
    static func trendLines(_ report: WeeklyReport) -> [String] {
        guard let series = trendSeries(report) else { return [] }
        return report.nutrients.map { nutrient in
            let values = series.averages.map { $0[nutrient.nutrient] }
            let trend = trend(series.averages, nutrient)
            let last =
                values.last.flatMap { $0 }.map { NumberText.display($0) + " " + nutrient.unit.rawValue } ?? "no days"
            let name = nutrient.nutrient.displayName
            return
                "\(name + String(repeating: " ", count: max(0, 10 - name.count))) \(sparkline(values))  latest "
                + "\(series.unit) \(last)" + (trend.map { ", \($0)" } ?? ", too few \(series.unit)s to tell")
        }
    }

    static func limitText(_ flag: LimitFlag, _ nutrient: NutrientReport) -> String {
        let what =
            flag.supplementsOnly ? "\(nutrient.nutrient.displayName) from supplements" : nutrient.nutrient.displayName
        let cdrr = nutrient.sweatLoss == nil ? "the CDRR" : "the CDRR plus your estimated sweat loss"
        let limit =
            flag.role == .reduceAbove
            ? "\(cdrr) of \(amount(flag.limit, nutrient.unit)): reduce"
            : "the UL of \(amount(flag.limit, nutrient.unit))"
        return "\(flag.date): \(what) \(amount(flag.amount, nutrient.unit)), over \(limit)"
    }

    static func suggestionText(_ suggestion: Suggestion, _ nutrient: NutrientReport) -> String {
        // `1 1/2 potato medium` of `potato` reads `1 1/2 medium potato`, not `1 1/2 potato medium potato`.
        let nameWords = Set(suggestion.name.lowercased().split(separator: " ").map(String.init))
        let portion = suggestion.portion.split(separator: " ").map(String.init).filter {
            !nameWords.contains($0.lowercased())
        }.joined(separator: " ")
        var text =
            "+ \(portion) \(suggestion.name) (\(NumberText.display(suggestion.grams)) g): "
            + "+\(amount(suggestion.amount, nutrient.unit)) \(nutrient.nutrient.displayName)"
        if let kcal = suggestion.kcal { text += ", \(NumberText.plain(kcal.rounded())) kcal" }
        if suggestion.closesShare < 1 { text += " (closes \(percent(suggestion.closesShare * 100)) of the gap)" }
        if suggestion.alreadyEaten { text += " — you already eat it" }
        return text
    }

    // MARK: Text

    /// A terminal page: a bar per nutrient against its goal, the verdicts, limits, sources and suggestions.
    /// `color` adds ANSI colours (the caller decides: a terminal, and no `NO_COLOR`); `sourcesHint` says, after the
    /// targets line, where a front end lists each target's source (`mineral targets` lists each source),
    /// `markCompleteHint` how it marks a day complete (`mineral day --complete DATE`), and `width` the terminal's
    /// width, to wrap the sentences at (`nil`: whole lines, for files and pipes).
    public static func text(
        _ report: WeeklyReport, color: Bool = false, sourcesHint: String? = nil, markCompleteHint: String? = nil,
        width: Int? = nil
    ) -> String {
        /// A line of prose and its line end: as it is, or, given a `width`, wrapped at spaces, each further line
        /// indented `hanging` spaces more than the first (tables and trend lines are fitted, not wrapped).
        func prose(_ line: String, hanging: Int = 2) -> String {
            guard let width, line.count > width else { return line + "\n" }
            let indent = line.prefix { $0 == " " }.count
            var lines: [String] = []
            var current = ""
            for word in line.dropFirst(indent).split(separator: " ") {
                let lead = String(repeating: " ", count: lines.isEmpty ? indent : indent + hanging)
                if current.isEmpty {
                    current = lead + word
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(repeating: " ", count: indent + hanging) + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n") + "\n"
        }
        func paint(_ text: String, _ verdict: Verdict) -> String {
            guard color else { return text }
            let code: String
            switch verdict {
            case .likelyDeficiency, .aboveReduceLevel: code = "31"
            case .possibleShortfall, .belowAdequateIntake, .insufficientData: code = "33"
            case .adequate: code = "32"
            case .notLogged: code = "2"
            }
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        var out = prose(title(report), hanging: 0) + "\n"
        var bars = TextTable(columns: [.init(""), .init(""), .init("", .right), .init("", .right), .init("")])
        for nutrient in report.nutrients {
            let share = nutrient.percentOfGoal.map { min(max($0, 0), 100) / 5 } ?? 0
            let filled = Int(share.rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
            bars.rows.append([
                nutrient.nutrient.displayName, bar, percent(nutrient.percentOfGoal),
                "\(amount(nutrient.average, nutrient.unit)) / \(amount(nutrient.goal, nutrient.unit))"
                    + (nutrient.goalOverridden ? " (your goal)" : ""),
                verdictLabel(nutrient.verdict),
            ])
        }
        let rendered = bars.rendered(header: false).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, nutrient) in report.nutrients.enumerated() {
            out += paint(String(rendered[index]), nutrient.verdict) + "\n"
        }
        out += prose(
            "  (daily average over logged days against the goal; a day not logged is left out, never counted as 0)")
        out += report.notes.map { prose("  \($0.text(markCompleteHint: markCompleteHint))") }.joined()
        out += "\nVerdicts:\n"
        for nutrient in report.nutrients {
            out += prose("  \(nutrient.nutrient.displayName): \(nutrient.explanation)")
            if let certainty = nutrient.certainty { out += prose("    \(certainty.statement)") }
        }
        let flags = report.nutrients.flatMap { nutrient in nutrient.limitFlags.map { (nutrient, $0) } }
        if !flags.isEmpty {
            out += "\nLimits:\n" + flags.map { prose("  \(limitText($0.1, $0.0))") }.joined()
        }
        let suggested = report.nutrients.filter { !$0.suggestions.isEmpty }
        if !suggested.isEmpty {
            out += "\nWhat to eat (a day, to close the average gap):\n"
            for nutrient in suggested {
                let gap = (nutrient.goal ?? 0) - (nutrient.average ?? 0)
                out += "  \(nutrient.nutrient.displayName), \(amount(gap, nutrient.unit)) short:\n"
                out += nutrient.suggestions.map { prose("    \(suggestionText($0, nutrient))") }.joined()
            }
        }
        out += "\nWhere it came from:\n"
        for nutrient in report.nutrients where !nutrient.topSources.isEmpty {
            out += prose(
                "  \(nutrient.nutrient.displayName): "
                    + nutrient.topSources.map { "\($0.name) \(percent($0.share * 100))" }.joined(separator: ", "))
        }
        if !report.targets.groupNotes.isEmpty {
            out += "\nYour groups:\n" + report.targets.groupNotes.map { prose("  \($0.text)") }.joined()
        }
        if let series = trendSeries(report), let first = series.labels.first, let last = series.labels.last {
            out +=
                "\n\(series.title) (\(first) – \(last)), averages over counted days:\n"
                + trendLines(report).map { "  \($0)\n" }.joined()
        }
        /// The days of a short period, a line each, and the footnote for a day with unknown values.
        func dayTable() -> String {
            var out = "\nDays:\n"
            var days = TextTable(
                columns: [.init("date"), .init("day")]
                    + report.nutrients.map { .init("\($0.nutrient.displayName) \($0.unit.rawValue)", .right) })
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            for (index, date) in report.period.days.enumerated() {
                days.rows.append(
                    [date.description, names[date.weekdayFromMonday]]
                        + report.nutrients.map { nutrient in
                            let day = nutrient.days[index]
                            guard day.logged, let value = day.amount else {
                                return day.supplements.map { "supplement " + NumberText.display($0) } ?? "not logged"
                            }
                            return NumberText.display(value) + (day.hasUnknown ? "*" : "")
                                + (day.partial ? " partial" : "")
                        })
            }
            out += days.rendered()
            if report.nutrients.contains(where: { $0.days.contains { $0.hasUnknown && $0.logged } }) {
                out += prose("  * part of the day's food has no value for this nutrient: the amount is a lower bound.")
            }
            return out
        }
        if report.period.dayCount <= dayTableLimit { out += dayTable() }
        if !report.targets.notes.isEmpty {
            out += "\nNotes:\n" + report.targets.notes.map { prose("  - \($0)") }.joined()
        }
        out +=
            "\n"
            + prose(
                "Targets: \(report.targets.standard.displayName), rows "
                    + "\(report.targets.lifeStage)\(sourcesHint.map { " (\($0))" } ?? ""). Foods: USDA SR28.")
        return out
    }

    // MARK: Markdown

    /// The report as Markdown: a summary table, verdicts, limits, suggestions, sources and days; `markCompleteHint`
    /// as for ``text(_:color:sourcesHint:markCompleteHint:width:)``.
    public static func markdown(_ report: WeeklyReport, markCompleteHint: String? = nil) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var out = "# " + title(report) + "\n\n"
        out += row([
            "nutrient", "average a day", "goal", "% of goal", "average requirement", "verdict", "no value for",
            "confidence",
        ])
        out += row(Array(repeating: "---", count: 8))
        for nutrient in report.nutrients {
            out += row([
                nutrient.nutrient.displayName, amount(nutrient.average, nutrient.unit),
                amount(nutrient.goal, nutrient.unit) + (nutrient.goalOverridden ? " (yours)" : ""),
                percent(nutrient.percentOfGoal), amount(nutrient.averageRequirement, nutrient.unit),
                verdictLabel(nutrient.verdict),
                noValue(nutrient), nutrient.confidence.rawValue,
            ])
        }
        out += report.notes.map { "\n> \($0.text(markCompleteHint: markCompleteHint))\n" }.joined()
        out +=
            "\n## Verdicts\n\n"
            + report.nutrients.map {
                "- **\($0.nutrient.displayName)**: \($0.explanation)" + ($0.certainty.map { " \($0.statement)" } ?? "")
                    + "\n"
            }.joined()
        let flags = report.nutrients.flatMap { nutrient in nutrient.limitFlags.map { (nutrient, $0) } }
        if !flags.isEmpty { out += "\n## Limits\n\n" + flags.map { "- \(limitText($0.1, $0.0))\n" }.joined() }
        let suggested = report.nutrients.filter { !$0.suggestions.isEmpty }
        if !suggested.isEmpty {
            out += "\n## What to eat\n\n"
            for nutrient in suggested {
                out +=
                    "**\(nutrient.nutrient.displayName)**, "
                    + "\(amount((nutrient.goal ?? 0) - (nutrient.average ?? 0), nutrient.unit)) short a day:\n\n"
                out +=
                    nutrient.suggestions.map {
                        "- \(markdownText(String(suggestionText($0, nutrient).dropFirst(2))))\n"
                    }.joined() + "\n"
            }
        }
        out += "\n## Where it came from\n\n"
        for nutrient in report.nutrients where !nutrient.topSources.isEmpty {
            out +=
                "- \(nutrient.nutrient.displayName): "
                + nutrient.topSources.map { "\(markdownText($0.name)) \(percent($0.share * 100))" }.joined(
                    separator: ", ") + "\n"
        }
        if !report.targets.groupNotes.isEmpty {
            out += "\n## Your groups\n\n" + report.targets.groupNotes.map { "- \($0.text)\n" }.joined()
        }
        if let series = trendSeries(report) {
            out += "\n## \(series.title)\n\n" + trendLines(report).map { "- \($0)\n" }.joined()
        }
        if report.period.dayCount > dayTableLimit {
            if !report.targets.notes.isEmpty {
                out += "\n## Notes\n\n" + report.targets.notes.map { "- \($0)\n" }.joined()
            }
            return out
        }
        out += "\n## Days\n\n"
        out += row(["date"] + report.nutrients.map { "\($0.nutrient.displayName) (\($0.unit.rawValue))" })
        out += row(Array(repeating: "---", count: report.nutrients.count + 1))
        for (index, date) in report.period.days.enumerated() {
            out += row(
                [date.description]
                    + report.nutrients.map { nutrient in
                        let day = nutrient.days[index]
                        return day.logged
                            ? (day.amount.map { NumberText.display($0) } ?? "–") + (day.partial ? " (partial)" : "")
                            : day.supplements.map { "supplement \(NumberText.display($0))" } ?? "not logged"
                    })
        }
        if !report.targets.notes.isEmpty { out += "\n## Notes\n\n" + report.targets.notes.map { "- \($0)\n" }.joined() }
        return out
    }

    // MARK: CSV

    /// One row per day and nutrient with that day's facts only (its amount, whether it went over a limit), then
    /// one `average` row per nutrient with the period's average and verdict. Numbers are rounded as in every
    /// format: one decimal from 100, two from 10, three below (about four significant digits).
    public static func csv(_ report: WeeklyReport) -> String {
        var lines = [
            "date,nutrient,unit,logged,partial,amount,supplements,unknown_share,goal,average_requirement,upper_limit,reduce_above,over_limit,verdict"
        ]
        func number(_ value: Double?) -> String { value.map { NumberText.display($0) } ?? "" }
        for nutrient in report.nutrients {
            let targets = [
                number(nutrient.goal), number(nutrient.averageRequirement), number(nutrient.upperLimit),
                number(nutrient.reduceAbove),
            ]
            for day in nutrient.days {
                let over = nutrient.limitFlags.contains { $0.date == day.date } ? "yes" : "no"
                lines.append(
                    ([
                        day.date.description, nutrient.nutrient.rawValue, nutrient.unit.rawValue,
                        day.logged ? "yes" : "no",
                        day.partial ? "yes" : "no", number(day.amount), number(day.supplements),
                        number(day.unknownShare),
                    ]
                        + targets + [over, ""]).map(CSV.escape).joined(separator: ","))
            }
            lines.append(
                ([
                    "average", nutrient.nutrient.rawValue, nutrient.unit.rawValue, "", "", number(nutrient.average), "",
                    number(nutrient.unknownShare),
                ] + targets + [nutrient.limitFlags.isEmpty ? "no" : "yes", nutrient.verdict.rawValue])
                .map(CSV.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The week-by-week trend of a longer period as CSV, a column per week (`report --weeks N --format csv`): a
    /// `days` row (counted days in each week), then each nutrient's weekly averages, its goal and its trend
    /// (`better`, `worse`, `steady` or `too few weeks to tell`). A week with no counted days is an empty cell, never 0.
    /// `nil` when the report has fewer than two weeks.
    public static func trendCSV(_ report: WeeklyReport) -> String? {
        guard report.weeks.count >= 2 else { return nil }
        func row(_ fields: [String]) -> String { fields.map(CSV.escape).joined(separator: ",") }
        var lines = [row(["nutrient", "unit", "goal"] + report.weeks.map(\.week) + ["trend"])]
        lines.append(row(["days", "", ""] + report.weeks.map { String($0.days) } + [""]))
        for nutrient in report.nutrients {
            let trend = trend(report.weeks.map(\.averages), nutrient)
            lines.append(
                row(
                    [
                        nutrient.nutrient.rawValue, nutrient.unit.rawValue,
                        nutrient.goal.map { NumberText.display($0) } ?? "",
                    ]
                        + report.weeks.map { $0.averages[nutrient.nutrient].map { NumberText.display($0) } ?? "" }
                        + [trend ?? "too few weeks to tell"]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// The report as versioned JSON (`kind` `report`), decodable as `VersionedOutput<WeeklyReport>`.
    public static func json(_ report: WeeklyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(VersionedOutput(kind: "report", data: report)), as: UTF8.self) + "\n"
    }

    // MARK: HTML

    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
            .replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }

    /// One self-contained page: no scripts, no network; an SVG chart of each nutrient's days against its goal and
    /// average requirement; `markCompleteHint` as for ``text(_:color:sourcesHint:markCompleteHint:width:)``.
    public static func html(_ report: WeeklyReport, markCompleteHint: String? = nil) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title(report)))</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 .75rem;color:#222}
            p,li,h1{overflow-wrap:break-word}td.n,th[scope=row]{white-space:nowrap}
            h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;max-width:100%}
            td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left}td.n{text-align:right}
            .wide{overflow-x:auto}caption{text-align:left;font-weight:600;padding:.3rem 0}
            .likely_deficiency,.above_reduce_level{color:#b00020}.possible_shortfall,.below_adequate_intake,.insufficient_data{color:#8a5a00}
            .adequate{color:#1a7f37}.not_logged{color:#666}
            svg.chart{width:100%;height:auto;max-width:44rem;display:block}svg text{font-size:10px;fill:#333}
            rect.low{fill:#c0392b}rect.short{fill:#e0a030}rect.ok{fill:#3c8d4f}rect.over{fill:#7b2d8b}
            section{break-inside:avoid;page-break-inside:avoid}
            @media (max-width:30rem){body{font-size:15px}td,th{padding:.15rem .3rem}.m-hide{display:none}}
            @media print{body{max-width:none;margin:0}h2{break-after:avoid;page-break-after:avoid}table,svg{break-inside:avoid;page-break-inside:avoid}}
            </style></head><body>

            """
        out +=
            "<h1>\(escape(title(report)))</h1>\n<div class=\"wide\"><table><tr><th scope=\"col\">nutrient</th><th "
            + "scope=\"col\">average a day</th><th scope=\"col\">goal</th><th scope=\"col\" class=\"m-hide\">% of "
            + "goal</th><th scope=\"col\">verdict</th><th scope=\"col\" class=\"m-hide\">no value "
            + "for</th></tr>\n"
        for nutrient in report.nutrients {
            out +=
                "<tr><td>\(escape(nutrient.nutrient.displayName))</td><td "
                + "class=\"n\">\(escape(amount(nutrient.average, nutrient.unit)))</td>"
                + "<td class=\"n\">\(escape(amount(nutrient.goal, nutrient.unit)))\(nutrient.goalOverridden ? " (yours)" : "")</td><td class=\"n m-hide\">\(percent(nutrient.percentOfGoal))</td>"
                + "<td class=\"\(nutrient.verdict.rawValue)\">\(escape(verdictLabel(nutrient.verdict)))</td><td "
                + "class=\"n m-hide\">\(escape(noValue(nutrient)))</td></tr>\n"
        }
        out +=
            "</table></div>\n"
            + report.notes.map { "<p>\(escape($0.text(markCompleteHint: markCompleteHint)))</p>\n" }.joined()
        if let series = trendSeries(report) {
            // The trend: one row per week (month, year), one column per nutrient, and whether each is getting better.
            out +=
                "<h2>\(series.title)</h2>\n<div class=\"wide\"><table><tr><th>\(series.unit)</th><th>days</th>"
                + report.nutrients.map { "<th>\(escape($0.nutrient.displayName)) (\($0.unit.rawValue))</th>" }.joined()
                + "</tr>\n"
            for (index, label) in series.labels.enumerated() {
                out +=
                    "<tr><td>\(escape(label))</td><td class=\"n\">\(series.days[index])</td>"
                    + report.nutrients.map {
                        "<td class=\"n\">"
                            + "\(series.averages[index][$0.nutrient].map { NumberText.display($0) } ?? "–")</td>"
                    }.joined() + "</tr>\n"
            }
            out +=
                "</table></div>\n<ul>" + trendLines(report).map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        for nutrient in report.nutrients {
            out +=
                "<section>\n<h2>\(escape(nutrient.nutrient.displayName))</h2>\n<p "
                + "class=\"\(nutrient.verdict.rawValue)\">\(escape(nutrient.explanation))</p>\n"
                + (nutrient.certainty.map { "<p class=\"certainty\">\(escape($0.statement))</p>\n" } ?? "")
            if report.period.dayCount <= dayTableLimit {
                out += chart(nutrient, days: report.period.days) + dayTable(nutrient, days: report.period.days)
            }
            if !nutrient.limitFlags.isEmpty {
                out +=
                    "<ul>" + nutrient.limitFlags.map { "<li>\(escape(limitText($0, nutrient)))</li>" }.joined()
                    + "</ul>\n"
            }
            if !nutrient.suggestions.isEmpty {
                out +=
                    "<p>What to eat, a day:</p><ul>"
                    + nutrient.suggestions.map { "<li>\(escape(suggestionText($0, nutrient)))</li>" }.joined()
                    + "</ul>\n"
            }
            if !nutrient.topSources.isEmpty {
                out +=
                    "<p>Where it came from: "
                    + escape(
                        nutrient.topSources.map { "\($0.name) \(percent($0.share * 100))" }.joined(separator: ", "))
                    + "</p>\n"
            }
            out += "</section>\n"
        }
        if !report.targets.groupNotes.isEmpty {
            out +=
                "<h2>Your groups</h2><ul>" + report.targets.groupNotes.map { "<li>\(escape($0.text))</li>" }.joined()
                + "</ul>\n"
        }
        if !report.targets.notes.isEmpty {
            out += "<h2>Notes</h2><ul>" + report.targets.notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        out +=
            "<p>Targets: \(escape(report.targets.standard.displayName)), rows \(escape(report.targets.lifeStage)). "
            + "Foods: USDA SR28. A day not logged is left out of the average, never counted as "
            + "zero.</p>\n</body></html>\n"
        return out
    }

    /// Bars for each day, a solid line at the goal and a dashed one at the average requirement.
    /// A day's state against the rule that fits the nutrient: for sodium, high is the warning (over the CDRR);
    /// for the others, low is (under the average requirement, or the goal), and over an upper limit is a warning too.
    static func dayState(_ value: Double, _ nutrient: NutrientReport) -> (css: String, mark: String, words: String) {
        if let limit = nutrient.reduceAbove, value > limit {
            return ("over", "▲", nutrient.sweatLoss == nil ? "over the CDRR" : "over the CDRR plus sweat loss")
        }
        if let limit = nutrient.upperLimit, nutrient.nutrient != .magnesium, value > limit {
            return ("over", "▲", "over the UL")
        }
        if nutrient.nutrient == .sodium {
            return ("ok", "", nutrient.reduceAbove == nil ? "no limit to compare" : "not over the CDRR")
        }
        if let requirement = nutrient.averageRequirement, value < requirement {
            return ("low", "▼", "under the average requirement")
        }
        if let goal = nutrient.goal, value < goal { return ("short", "▽", "under the goal") }
        return ("ok", "", "at or over the goal")
    }

    /// A bar chart of the days that scales to the page (a `viewBox`, no fixed width): a labelled y-axis, each bar's
    /// value above it, the goal, average requirement, upper limit and CDRR as labelled lines, colour by the rule
    /// that fits the nutrient and a mark beside colour (▼ under the requirement, ▽ under the goal, ▲ over a limit),
    /// and a title on each bar for screen readers.
    static func chart(_ nutrient: NutrientReport, days: [CalendarDate]) -> String {
        let width = 560.0
        let height = 200.0
        let top = 14.0
        let bottom = 30.0
        let left = 48.0
        let right = 8.0
        let unit = nutrient.unit.rawValue
        let values = nutrient.days.compactMap(\.amount)
        let lines: [(label: String, value: Double, colour: String, dash: String)] = [
            nutrient.goal.map { ("goal", $0, "#1a7f37", "") },
            nutrient.averageRequirement.map { ("average requirement", $0, "#b00020", "5,4") },
            nutrient.upperLimit.map { ("UL", $0, "#6f42c1", "2,3") },
            nutrient.reduceAbove.map {
                (nutrient.sweatLoss == nil ? "CDRR" : "CDRR + sweat loss", $0, "#b00020", "8,3")
            },
        ].compactMap { $0 }
        let scaleMax = max((lines.map(\.value) + values).max() ?? 1, 1) * 1.15
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - value / scaleMax) }
        func f(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
        let slot = (width - left - right) / Double(max(days.count, 1))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart\" "
            + "role=\"img\" aria-label=\"\(escape(nutrient.nutrient.displayName)) by day, \(unit)\">\n"
        svg += "<title>\(escape(nutrient.nutrient.displayName)) by day (\(unit))</title>\n"
        // The y-axis: four ticks with their values.
        svg +=
            "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(height - bottom))\" "
            + "stroke=\"#999\"/>\n"
        for tick in 0...4 {
            let value = scaleMax / 1.15 * Double(tick) / 4
            svg +=
                "<text x=\"\(f(left - 4))\" y=\"\(f(y(value) + 4))\" "
                + "text-anchor=\"end\">\(escape(NumberText.display(value)))</text>\n"
        }
        svg += "<text x=\"4\" y=\"\(f(top - 3))\">\(escape(unit))</text>\n"
        for (index, day) in nutrient.days.enumerated() {
            let x = left + Double(index) * slot + slot * 0.15
            let label = days[index].description.suffix(5)
            if let value = day.amount {
                let barTop = y(value)
                let state = dayState(value, nutrient)
                let text =
                    NumberText.display(value) + (state.mark.isEmpty ? "" : " " + state.mark)
                    + (day.partial ? " partial" : "")
                svg +=
                    "<rect class=\"\(state.css)\" x=\"\(f(x))\" y=\"\(f(barTop))\" width=\"\(f(slot * 0.7))\" "
                    + "height=\"\(f(height - bottom - barTop))\"><title>\(days[index]): "
                    + "\(escape(amount(value, nutrient.unit))), "
                    + "\(state.words)\(day.partial ? ", partial day" : "")</title></rect>\n"
                svg +=
                    "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(barTop - 3))\" "
                    + "text-anchor=\"middle\">\(escape(text))</text>\n"
            } else {
                svg +=
                    "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - bottom - 4))\" text-anchor=\"middle\">not "
                    + "logged</text>\n"
            }
            svg += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(label)</text>\n"
        }
        for line in lines {
            svg +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(line.value)))\" "
                + "y2=\"\(f(y(line.value)))\" stroke=\"\(line.colour)\" "
                + "stroke-width=\"1.5\"\(line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\"")/>"
                + "<text x=\"\(f(width - right - 2))\" y=\"\(f(y(line.value) - 3))\" "
                + "text-anchor=\"end\">\(escape(line.label)) \(escape(amount(line.value, nutrient.unit)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The days as a table, for reading and for screen readers.
    static func dayTable(_ nutrient: NutrientReport, days: [CalendarDate]) -> String {
        var out =
            "<table class=\"days\"><caption>\(escape(nutrient.nutrient.displayName)) by day</caption><tr><th "
            + "scope=\"col\">day</th><th scope=\"col\">\(escape(nutrient.unit.rawValue))</th><th "
            + "scope=\"col\">against the targets</th></tr>\n"
        for (index, day) in nutrient.days.enumerated() {
            let value =
                day.amount.map { NumberText.display($0) }
                ?? (day.supplements.map { "supplement " + NumberText.display($0) } ?? "not logged")
            let state = day.amount.map { dayState($0, nutrient) }
            out +=
                "<tr><th scope=\"row\">\(days[index])</th><td "
                + "class=\"n\">\(escape(value))</td><td>\(escape(state.map { ($0.mark.isEmpty ? "" : $0.mark + " ") + $0.words } ?? ""))\(day.partial ? " (partial day)" : "")</td></tr>\n"
        }
        return out + "</table>\n"
    }
}

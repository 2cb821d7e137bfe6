import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FoodCatalog {
    /// The foods the leg-cramps article names (dried apricots, raisins, nuts, bran, buckwheat, soy, whole grains),
    /// as the report suggests them.
    public static let articleFoods: [String] = [
        "09032", "09298", "12061", "12155", "12014", "20077", "20033", "20010", "16109", "16426", "16139", "18075",
        "08121",
    ]

    /// The report of `period` for `targets` from `entries` (entries outside the period are ignored). Give `today`
    /// (by the caller's clock and time zone) to have a day still going noted as partial.
    ///
    /// A day counts for the averages only when food was logged on it (a supplement alone makes no day of zero
    /// food). With `completeDays` (days the person marked complete) the averages use complete days only, and the
    /// other days with food are shown as partial; without, a note says that a day with a missing meal lowers the
    /// average. `today` is partial until it is over or marked.
    public func weeklyReport(
        period: ReportPeriod, entries: [JournalEntry], targets: Targets, today: CalendarDate? = nil,
        completeDays: Set<CalendarDate> = []
    ) -> WeeklyReport {
        var sums = PeriodSums(period: period)
        for entry in entries where entry.date >= period.from && entry.date <= period.to {
            sums.add(entry, catalog: self)
        }
        return weeklyReport(sums, targets: targets, today: today, completeDays: completeDays)
    }

    /// The report of `period` straight from a journal file's bytes, and the lines of the period it could not read.
    /// Lines of other days are skipped after a look at their date, and a line of a USDA food is added up without
    /// making an entry of it, so a report of years costs little more than reading the file. The report is the one
    /// ``weeklyReport(period:entries:targets:today:completeDays:)`` makes of the entries
    /// ``JournalFormat/parse(data:dates:)`` reads.
    public func weeklyReport(
        period: ReportPeriod, journal data: Data, targets: Targets, today: CalendarDate? = nil,
        completeDays: Set<CalendarDate> = []
    ) -> (report: WeeklyReport, problems: [JournalProblem]) {
        var summing = PeriodSums.Summing(sums: PeriodSums(period: period), catalog: self)
        data.withUnsafeBytes { raw in
            JournalFormat.scan(bytes: raw.bindMemory(to: UInt8.self), dates: period.from...period.to, into: &summing)
        }
        return (
            weeklyReport(summing.sums, targets: targets, today: today, completeDays: completeDays), summing.problems
        )
    }

    /// Reports of periods this long or longer use a journal's sums index
    /// (``weeklyReport(period:journal:sumsIndex:targets:today:completeDays:)``); shorter ones read the journal's
    /// lines of the period, which costs little.
    public static let sumsIndexMinimumDays = 63

    /// The report of `period` from a journal file's bytes with the help of `sumsIndex`, the bytes of an index of
    /// the journal's day sums saved beside it by an earlier report (or `nil`); and the lines it could not read.
    ///
    /// For a period of at least ``sumsIndexMinimumDays`` days, an index that was not made from exactly these bytes
    /// (or with the foods' compositions as the catalog gives them now), or is damaged, is made again from the journal
    /// and returned as `indexToSave`, for the caller to save; `nil` means there is nothing to save. A journal with a
    /// line that cannot be read gets no index: its report is read from its lines and says which ones. The report is
    /// the one ``weeklyReport(period:journal:targets:today:completeDays:)`` makes, number for number.
    public func weeklyReport(
        period: ReportPeriod, journal data: Data, sumsIndex: Data?, targets: Targets, today: CalendarDate? = nil,
        completeDays: Set<CalendarDate> = []
    ) -> (report: WeeklyReport, problems: [JournalProblem], indexToSave: Data?) {
        func direct() -> (report: WeeklyReport, problems: [JournalProblem], indexToSave: Data?) {
            let made = weeklyReport(
                period: period, journal: data, targets: targets, today: today, completeDays: completeDays)
            return (made.report, made.problems, nil)
        }
        guard period.dayCount >= Self.sumsIndexMinimumDays else { return direct() }
        func report(_ sums: IndexedDaySums) -> WeeklyReport {
            weeklyReport(sums, targets: targets, today: today, completeDays: completeDays)
        }
        if let current = sumsIndex.flatMap({ SavedSumsIndex($0, journal: data, catalog: self) }),
            let made = current.withSums(for: period, report)
        {
            return (made, [], nil)
        }
        // Made again, and read back as it will be read next time.
        guard let made = JournalSumsIndex.make(journal: data, catalog: self)?.encoded(),
            let readBack = SavedSumsIndex(made, journal: data, catalog: self),
            let fromIndex = readBack.withSums(for: period, report)
        else { return direct() }
        return (fromIndex, [], made)
    }

    /// The report made of a period's sums.
    func weeklyReport(
        _ sums: some DaySums, targets: Targets, today: CalendarDate?, completeDays: Set<CalendarDate>
    ) -> WeeklyReport {
        let period = sums.period
        let days = sums.days
        let entryCount = sums.entryCount
        // The foods eaten in a fixed order (by their names as the journal writes them), whatever order the sums met
        // them in; and each one's amounts over the period.
        let eaten = sums.sources.sorted { $0.description < $1.description }
        let slotOf = Dictionary(uniqueKeysWithValues: sums.sources.enumerated().map { ($1, $0) })
        let sourceTotals = sums.totalsBySource()
        func sourceAmount(_ food: FoodReference, _ nutrient: Nutrient) -> Double {
            slotOf[food].map { sourceTotals[$0 * PeriodSums.width + PeriodSums.column(nutrient)] } ?? 0
        }
        // By day position: partial means food logged but not complete (other days are marked and it is not; or it is
        // today, not marked); counted means food logged and not partial.
        let complete = days.map { completeDays.contains($0) }
        let marked = days.indices.contains { sums.foodLogged(day: $0) && complete[$0] }
        let partialByIndex = days.indices.map {
            sums.foodLogged(day: $0) && !complete[$0] && (marked || days[$0] == today)
        }
        let countedByIndex = days.indices.map { sums.foodLogged(day: $0) && !partialByIndex[$0] }
        let counted = days.indices.filter { countedByIndex[$0] }
        let todayIsPartial = days.indices.contains { partialByIndex[$0] && days[$0] == today }
        let energy =
            counted.isEmpty
            ? nil : counted.reduce(0.0) { $0 + sums.food(day: $1, .energy).amount } / Double(counted.count)
        // Each nutrient's average over the counted days, food and supplements, for the suggestions' limit checks.
        let loggedAverages = Dictionary(
            uniqueKeysWithValues: Nutrient.tracked.map { n in
                (
                    n,
                    counted.isEmpty
                        ? 0 : counted.reduce(0.0) { $0 + sums.total(day: $1, n) } / Double(counted.count)
                )
            })
        var reports: [NutrientReport] = []
        // Read when a suggestion is first needed.
        var candidates: [SuggestionCandidate]?
        var recordedNotes: [ReportNote] = []
        for nutrient in Nutrient.tracked {
            let nutrientTargets = targets[nutrient]
            let sweat = nutrientTargets.sweatLoss?.amountPerDay
            let goal = nutrientTargets.goal.map { $0.amount + (sweat ?? 0) }
            let requirement = nutrientTargets.averageRequirement.map { $0.amount + (sweat ?? 0) }
            var dayAmounts: [DayAmount] = []
            dayAmounts.reserveCapacity(days.count)
            // The counted days' amounts, for the average.
            var amounts: [Double] = []
            amounts.reserveCapacity(counted.count)
            var flags: [LimitFlag] = []
            var grams = 0.0
            var unknownGrams = 0.0
            var unknownEntries = 0
            var weightless = 0
            for (index, date) in days.enumerated() {
                guard sums.anythingLogged(day: index) else {
                    dayAmounts.append(DayAmount(date: date, logged: false))
                    continue
                }
                let food = sums.food(day: index, nutrient)
                let supplements = sums.supplements(day: index, nutrient)
                let total = food.amount + supplements
                if sums.foodLogged(day: index) {
                    if !partialByIndex[index] {
                        amounts.append(total)
                        grams += food.grams
                        unknownGrams += food.gramsWithoutValue
                        unknownEntries += food.entriesWithoutValue
                        weightless += sums.weightlessServings(day: index)
                    }
                    dayAmounts.append(
                        DayAmount(
                            date: date, logged: true, amount: total, supplements: supplements,
                            unknownShare: food.grams > 0 ? food.unknownShare : 0, partial: partialByIndex[index],
                            servingsWithoutValue: food.entriesWithoutValue))
                } else {
                    // A supplement alone: no day of food, but the supplement counts for the limits below.
                    dayAmounts.append(
                        DayAmount(date: date, logged: false, supplements: supplements > 0 ? supplements : nil))
                }
                if let limit = nutrientTargets.upperLimit {
                    let counted = limit.supplementsOnly ? supplements : total
                    if counted > limit.amount {
                        flags.append(
                            LimitFlag(
                                date: date, role: .upperLimit, amount: counted, limit: limit.amount,
                                supplementsOnly: limit.supplementsOnly))
                    }
                }
                // A heavy sweater's sodium is judged against the CDRR plus the estimated sweat loss (see the notes).
                if sums.foodLogged(day: index), let reduce = nutrientTargets.reduceAbove,
                    total > reduce.amount + (sweat ?? 0)
                {
                    flags.append(
                        LimitFlag(
                            date: date, role: .reduceAbove, amount: total, limit: reduce.amount + (sweat ?? 0),
                            supplementsOnly: false))
                }
            }
            let average = amounts.isEmpty ? nil : amounts.reduce(0, +) / Double(amounts.count)
            let unknownShare = grams > 0 ? unknownGrams / grams : 0
            // Servings of unknown weight without a value (recorded elsewhere) make the average a lower bound only.
            let confidence = unknownEntries > 0 ? .low : Confidence(unknownShare: unknownShare)
            if unknownEntries > 0 {
                recordedNotes.append(.servingsWithoutValue(nutrient: nutrient, servings: unknownEntries))
            }
            let below = requirement.map { ar in amounts.filter { $0 < ar }.count } ?? 0
            let (verdict, reason) = Self.verdict(
                average: average, goal: goal, requirement: requirement,
                reduceAbove: nutrientTargets.reduceAbove.map { $0.amount + (sweat ?? 0) }, confidence: confidence,
                unknownServings: unknownEntries, weighedOnly: weightless > 0)
            // Summed in a fixed order: a dictionary's order changes from run to run, and so would the last digits.
            let periodTotal = eaten.reduce(0.0) { $0 + sourceAmount($1, nutrient) }
            let sources = eaten.compactMap { food -> NutrientSource? in
                let amount = sourceAmount(food, nutrient)
                guard amount > 0, periodTotal > 0 else { return nil }
                return NutrientSource(
                    food: food, name: shortName(of: food), amount: amount, share: amount / periodTotal)
            }.sorted { ($0.amount, $1.name) > ($1.amount, $0.name) }
            var report = NutrientReport(
                nutrient: nutrient, unit: nutrient.unit, days: dayAmounts, loggedDays: amounts.count, average: average,
                goal: goal,
                goalOverridden: nutrientTargets.goal?.overridden == true, averageRequirement: requirement,
                upperLimit: nutrientTargets.upperLimit?.amount,
                reduceAbove: nutrientTargets.reduceAbove.map { $0.amount + (sweat ?? 0) },
                sweatLoss: sweat, percentOfGoal: average.flatMap { average in goal.map { average / $0 * 100 } },
                verdict: verdict,
                reason: reason, daysBelowAverageRequirement: below, unknownShare: unknownShare,
                confidence: confidence,
                limitFlags: flags, topSources: Array(sources.prefix(3)), suggestions: [],
                certainty: average.flatMap {
                    Certainty.of(nutrient, average: $0, days: amounts.count, targets: nutrientTargets, sweat: sweat)
                })
            // No one is told to eat more salt: sodium gets no suggestions, only its limit.
            if let average, let goal, average < goal, verdict != .notLogged, nutrient != .sodium {
                if candidates == nil { candidates = suggestionCandidates(eaten: eaten) }
                report.suggestions = suggestions(
                    for: nutrient, gap: goal - average, candidates: candidates ?? [], targets: targets,
                    averages: loggedAverages)
            }
            reports.append(report)
        }
        var notes = recordedNotes
        if let today, todayIsPartial { notes.append(.todayPartial(today)) }
        if marked {
            let partial = days.indices.filter { partialByIndex[$0] && days[$0] != today }.count
            if partial > 0 { notes.append(.averagesUseCompleteDays(complete: counted.count, partial: partial)) }
        } else if !counted.isEmpty {
            notes.append(.noDayMarkedComplete)
        }
        let supplementOnly = days.indices.filter { sums.anythingLogged(day: $0) && !sums.foodLogged(day: $0) }.count
        if supplementOnly > 0 { notes.append(.supplementOnlyDays(supplementOnly)) }
        var report = WeeklyReport(
            period: period, targets: targets, loggedDays: counted.count, entryCount: entryCount,
            nutrients: reports, averageEnergyKcal: energy, notes: notes)
        if days.count > 7 {
            // Each ISO week's averages over its counted days (food logged, not partial), for the trend.
            // Each week by the positions of its days in the period (consecutive days).
            var weeks: [(label: String, days: Range<Int>)] = []
            var week: ReportPeriod?
            for (index, date) in days.enumerated() {
                if let current = week, date <= current.to {
                    weeks[weeks.count - 1].days = weeks[weeks.count - 1].days.lowerBound..<index + 1
                } else {
                    let next = ReportPeriod(weekOf: date)
                    week = next
                    weeks.append((next.label, index..<index + 1))
                }
            }
            report.weeks = weeks.map { week in
                let weekDays = week.days.filter { countedByIndex[$0] }
                var averages = [Nutrient: Double](minimumCapacity: Nutrient.tracked.count)
                if !weekDays.isEmpty {
                    for nutrient in Nutrient.tracked {
                        averages[nutrient] =
                            weekDays.reduce(0.0) { $0 + sums.total(day: $1, nutrient) } / Double(weekDays.count)
                    }
                }
                return WeekAverages(week: week.label, days: weekDays.count, averages: averages)
            }
        }
        // A long period is read by month, and a period of years by year: a trend line of more than 26 weeks or 35
        // months does not fit a terminal's 80 columns.
        if days.count > 26 * 7 {
            report.months = periodAverages(sums, countedByIndex, key: { $0.year * 12 + $0.month }) { date in
                "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
            }
        }
        if report.months.count > 35 {
            report.years = periodAverages(sums, countedByIndex, key: \.year) { "\($0.year)" }
        }
        return report
    }

    /// Each stretch's averages over its counted days, the period's days grouped by `key` (consecutive days with the
    /// same key: a calendar month or year) and named by `label`, oldest first.
    private func periodAverages(
        _ sums: some DaySums, _ counted: [Bool], key: (CalendarDate) -> Int, label: (CalendarDate) -> String
    ) -> [PeriodAverages] {
        var result: [PeriodAverages] = []
        var start = 0
        while start < sums.days.count {
            let group = key(sums.days[start])
            var end = start + 1
            while end < sums.days.count, key(sums.days[end]) == group { end += 1 }
            let name = label(sums.days[start])
            let countedDays = (start..<end).filter { counted[$0] }
            var averages = [Nutrient: Double](minimumCapacity: Nutrient.tracked.count)
            if !countedDays.isEmpty {
                for nutrient in Nutrient.tracked {
                    averages[nutrient] =
                        countedDays.reduce(0.0) { $0 + sums.total(day: $1, nutrient) } / Double(countedDays.count)
                }
            }
            result.append(PeriodAverages(label: name, days: countedDays.count, averages: averages))
            start = end
        }
        return result
    }

    /// The verdict on an average against the goal, requirement and CDRR (each with any sweat loss), and why.
    static func verdict(
        average: Double?, goal: Double?, requirement: Double?, reduceAbove: Double?, confidence: Confidence,
        unknownServings: Int = 0, weighedOnly: Bool = false
    ) -> (Verdict, VerdictReason) {
        guard let average else { return (.notLogged, VerdictReason(.notLogged)) }
        if let reduceAbove, average > reduceAbove { return (.aboveReduceLevel, VerdictReason(.aboveReduceLevel)) }
        guard let goal else { return (.adequate, VerdictReason(.noGoal)) }
        if average >= goal { return (.adequate, VerdictReason(.meetsGoal)) }
        // Servings of unknown weight have no share of the grams: the share is of the weighed food only.
        func reason(_ code: VerdictReason.Code) -> VerdictReason {
            VerdictReason(code, servingsWithoutValue: unknownServings, weighedFoodOnly: weighedOnly)
        }
        if confidence == .low { return (.insufficientData, reason(.notEnoughData)) }
        if let requirement {
            return average < requirement
                ? (.likelyDeficiency, reason(.likelyDeficiency)) : (.possibleShortfall, reason(.possibleShortfall))
        }
        return (.belowAdequateIntake, reason(.belowAdequateIntake))
    }

    /// Up to four additions that close the daily `gap`: foods the person already eats first, then the article's,
    /// each in a household portion, never pushing another nutrient over its limit; ranked by nutrient per kcal and
    /// per portion together.
    func suggestions(
        for nutrient: Nutrient, gap: Double, candidates: [SuggestionCandidate], targets: Targets,
        averages: [Nutrient: Double]
    ) -> [Suggestion] {
        // The limits no suggestion may push past: sodium's CDRR, calcium's and vitamin D's UL (the magnesium UL counts
        // supplements only, so food never breaks it); read once, not for each food.
        let limits: [(nutrient: Nutrient, limit: Double)] = Nutrient.tracked.compactMap { other in
            let targets = targets[other]
            let limit =
                other == .sodium
                ? targets.reduceAbove?.amount
                : (targets.upperLimit?.supplementsOnly == false ? targets.upperLimit?.amount : nil)
            return limit.map { (other, $0) }
        }
        // Each food that can close some of the gap; its portion's text is made only for the foods chosen.
        var options:
            [(
                food: Food, eaten: Bool, count: Double, measure: HouseholdMeasure, grams: Double, amount: Double,
                kcal: Double?, density: Double?, closes: Double
            )] = []
        for (food, alreadyEaten, portionMeasure) in candidates {
            guard let per100g = food.per100g[nutrient], per100g > 0, let measure = portionMeasure else {
                continue
            }
            // The smallest friendly fraction of the measure that closes the gap, at most two measures or 300 g.
            let perMeasure = per100g * measure.grams / 100 / measure.amount
            let needed = gap / perMeasure
            let cap = min(2, 300 / (measure.grams / measure.amount))
            let count =
                Self.friendlyFractions.first { $0 >= needed && $0 <= cap } ?? Self.friendlyFractions.last { $0 <= cap }
                ?? cap
            let grams = count * measure.grams / measure.amount
            let added = food.nutrients(inGrams: grams)
            // Never push another nutrient over its limit.
            let breaks = limits.contains { other, limit in
                guard let extra = added[other] else { return false }
                return (averages[other] ?? 0) + extra > limit
            }
            guard !breaks, let amount = added[nutrient] else { continue }
            options.append(
                (
                    food, alreadyEaten, count, measure, grams, amount, added.energyKcal,
                    food.per100g.energyKcal.flatMap { $0 > 0 ? per100g * 100 / $0 : nil }, amount / gap
                ))
        }
        // Rank by nutrient per kcal and by how much of the gap a portion closes, together (sum of ranks); then by
        // name.
        // (Compared as plain numbers: a comparison that reads an option copies it, its food and all.)
        let densities = options.map { $0.density ?? 0 }
        let closes = options.map(\.closes)
        let byDensity = options.indices.sorted { densities[$0] > densities[$1] }
        let byPortion = options.indices.sorted { closes[$0] > closes[$1] }
        var rank = [Int](repeating: 0, count: options.count)
        for (place, index) in byDensity.enumerated() { rank[index] += place }
        for (place, index) in byPortion.enumerated() { rank[index] += place }
        let names = options.map { shortName(of: .usda($0.food.ndb)) }
        let ordered = options.indices.sorted { rank[$0] != rank[$1] ? rank[$0] < rank[$1] : names[$0] < names[$1] }
        let eatenFirst = ordered.filter { options[$0].eaten }.prefix(2)
        let article = ordered.filter { !options[$0].eaten }.prefix(4 - eatenFirst.count)
        return (Array(eatenFirst) + Array(article)).map { index in
            let option = options[index]
            return Suggestion(
                food: .usda(option.food.ndb), name: names[index],
                portion: "\(Self.fractionText(option.count)) \(Self.plainUnit(option.measure.unit))",
                grams: option.grams, amount: option.amount, kcal: option.kcal, amountPer100Kcal: option.density,
                closesShare: option.closes, alreadyEaten: option.eaten)
        }
    }

    /// A food a suggestion may name: whether the person already eats it, and its portion measure.
    typealias SuggestionCandidate = (food: Food, eaten: Bool, measure: HouseholdMeasure?)

    /// The foods suggestions are made of, the ones eaten first, then the article's; each read once for a report.
    func suggestionCandidates(eaten: [FoodReference]) -> [SuggestionCandidate] {
        var seen = Set<NDBNumber>()
        var candidates: [SuggestionCandidate] = []
        for reference in eaten {
            if case .usda(let ndb) = reference, seen.insert(ndb).inserted, let food = database.food(ndb) {
                candidates.append((food, true, Self.portionMeasure(food)))
            }
        }
        for text in Self.articleFoods {
            if let ndb = NDBNumber(rawValue: text), seen.insert(ndb).inserted, let food = database.food(ndb) {
                candidates.append((food, false, Self.portionMeasure(food)))
            }
        }
        return candidates
    }

    static let friendlyFractions: [Double] = [0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 1, 1.25, 1.5, 2]

    static func fractionText(_ count: Double) -> String {
        let whole = Int(count)
        let rest = count - Double(whole)
        let fraction: String
        switch rest {
        case 0: fraction = ""
        case 0.24...0.26: fraction = "1/4"
        case 0.33...0.34: fraction = "1/3"
        case 0.49...0.51: fraction = "1/2"
        case 0.66...0.67: fraction = "2/3"
        case 0.74...0.76: fraction = "3/4"
        default: return NumberText.plain(count, maxDecimals: 2)
        }
        if whole == 0 { return fraction }
        return fraction.isEmpty ? "\(whole)" : "\(whole) \(fraction)"
    }

    /// The measure to express a suggestion in: a medium one or a slice for foods eaten whole, else a cup, tbsp or
    /// oz, else the first one USDA lists.
    static func portionMeasure(_ food: Food) -> HouseholdMeasure? {
        let preferred = ["medium", "slice", "cup", "oz", "tbsp", "large", "piece"]
        for word in preferred {
            if let measure = food.measures.first(where: {
                let tokens = TextNormalizer.tokens($0.unit)
                return (tokens.first == word || (word == "medium" && tokens.contains(word)))
                    && !(tokens.contains("packed") && !tokens.contains("not")) && !tokens.contains("nlea")
            }) {
                return measure
            }
        }
        return food.measures.first
    }

    /// A USDA unit without its descriptions: `cup, whole` → `cup`, `oz (23 whole kernels)` → `oz`.
    static func plainUnit(_ unit: String) -> String {
        let cut = unit.firstIndex { $0 == "," || $0 == "(" } ?? unit.endIndex
        return unit[..<cut].trimmedWhitespace()
    }
}

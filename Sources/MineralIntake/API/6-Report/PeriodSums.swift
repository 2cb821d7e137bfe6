/// What a report reads of a period's sums, day by day (a day by its position in the period): the sums added up from
/// a journal's lines (``FoodCatalog/PeriodSums``), or the ones a saved index holds, read where they lie.
protocol DaySums {
    var period: ReportPeriod { get }
    /// The period's days, in order.
    var days: [CalendarDate] { get }
    /// Each food met, by slot (in the order met, day by day).
    var sources: [FoodReference] { get }
    /// All entries of the period.
    var entryCount: Int { get }
    /// The food eaten on the day at `day`, as a total of `nutrient`.
    func food(day: Int, _ nutrient: Nutrient) -> NutrientTotal
    /// The supplements taken on the day at `day`, in `nutrient`'s unit.
    func supplements(day: Int, _ nutrient: Nutrient) -> Double
    /// Food and supplements of the day at `day`, in `nutrient`'s unit.
    func total(day: Int, _ nutrient: Nutrient) -> Double
    /// Whether any food was logged on the day at `day`.
    func foodLogged(day: Int) -> Bool
    /// Whether anything (food or supplement) was logged on the day at `day`.
    func anythingLogged(day: Int) -> Bool
    /// Food servings of unknown weight on the day at `day`.
    func weightlessServings(day: Int) -> Int
    /// Each food's amounts over the period (a row of ``FoodCatalog/PeriodSums/width`` per slot): its day rows added
    /// in date order, and in the order met within a day.
    func totalsBySource() -> [Double]
}

extension FoodCatalog {
    /// Sums of a period while a report is made: each day's totals by its position in the period, and each day's
    /// amounts by food (a row per food met that day, in the order met), from which each food's totals over the
    /// period are added up day by day.
    ///
    /// The sums are flat arrays of numbers, a row per day (or per day and food) and a column per nutrient, in
    /// `Nutrient.allCases` order: a report of ten years adds 29,000 entries into them, and copies no day's totals
    /// when it reads them back. Each number is added in the order the entries come, so a day's sums are the ones
    /// `NutrientTotals` would make; a food's totals over the period are its day rows added in date order, whether
    /// the rows were summed now or read from a ``JournalSumsIndex``.
    struct PeriodSums: DaySums {
        /// Nutrients per row.
        static let width = Nutrient.allCases.count

        /// Adds up the lines a journal scan hands over, and keeps the ones that cannot be read.
        struct Summing: JournalFormat.LineVisitor {
            var sums: PeriodSums
            var problems: [JournalProblem] = []
            let catalog: FoodCatalog
            mutating func usda(_ line: JournalFormat.FastLine, at range: Range<Int>) {
                sums.add(line, catalog: catalog)
            }
            mutating func entry(_ entry: JournalEntry, at range: Range<Int>) { sums.add(entry, catalog: catalog) }
            mutating func problem(_ problem: JournalProblem, at range: Range<Int>) { problems.append(problem) }
        }

        let period: ReportPeriod
        let days: [CalendarDate]
        let firstDay: Int
        /// Food of each day and nutrient: the known amounts, the grams without a value, and the servings of
        /// unknown weight without a value.
        var foodAmount: [Double]
        var foodGramsWithoutValue: [Double]
        var foodEntriesWithoutValue: [Int32]
        /// All grams of food of each day: every entry counts its grams (or none) for every nutrient alike.
        var foodGrams: [Double]
        /// Supplements of each day and nutrient (only their amounts count).
        var supplementAmount: [Double]
        /// Whether any food was logged on each day.
        var hasFood: [Bool]
        /// Whether anything (food or supplement) was logged on each day.
        var logged: [Bool]
        /// Food servings of unknown weight (recorded in another tracker) of each day: the shares of grams leave them
        /// out.
        var weightless: [Int32]
        /// Entries of each day.
        var entries: [Int32]
        /// Each food met, by slot.
        var sources: [FoodReference] = []
        /// The day rows: which slot, the amounts (`width` a row), and the next row of the same day (-1 for none);
        /// each day's first and last row.
        var rowSlot: [Int32] = []
        var rowAmount: [Double] = []
        private var rowNext: [Int32] = []
        private var dayFirstRow: [Int32]
        private var dayLastRow: [Int32]
        private var slots: [FoodReference: Int] = [:]
        /// Slots of USDA foods by NDB number (0–99999), plus one (0 for none yet): a look-up by position, not by
        /// hash, in blocks of 256 numbers made when a food of the block is first met (a week's report meets a
        /// dozen foods: it made, and zeroed, 200 KB for all 100,000 numbers).
        private var ndbSlots: [[UInt16]] = []
        /// Per 100 g known amounts and the share of grams without a value, a row per slot (zero rows for
        /// supplements and recorded servings, which carry their own amounts).
        private(set) var known: [Double] = []
        private(set) var unknownShare: [Double] = []

        init(period: ReportPeriod) {
            self.period = period
            days = period.days
            firstDay = period.from.daysSinceEpoch
            let cells = days.count * Self.width
            foodAmount = [Double](repeating: 0, count: cells)
            foodGramsWithoutValue = [Double](repeating: 0, count: cells)
            foodGrams = [Double](repeating: 0, count: days.count)
            foodEntriesWithoutValue = [Int32](repeating: 0, count: cells)
            supplementAmount = [Double](repeating: 0, count: cells)
            hasFood = [Bool](repeating: false, count: days.count)
            logged = [Bool](repeating: false, count: days.count)
            weightless = [Int32](repeating: 0, count: days.count)
            entries = [Int32](repeating: 0, count: days.count)
            dayFirstRow = [Int32](repeating: -1, count: days.count)
            dayLastRow = [Int32](repeating: -1, count: days.count)
        }

        /// The column of `nutrient` in a row.
        static func column(_ nutrient: Nutrient) -> Int {
            switch nutrient {
            case .energy: 0
            case .potassium: 1
            case .magnesium: 2
            case .calcium: 3
            case .sodium: 4
            case .vitaminD: 5
            }
        }

        /// All entries of the period.
        var entryCount: Int { entries.reduce(0) { $0 + Int($1) } }

        /// The food eaten on the day at `day` (its position in the period), as a total of `nutrient`.
        func food(day: Int, _ nutrient: Nutrient) -> NutrientTotal {
            let cell = day * Self.width + Self.column(nutrient)
            return NutrientTotal(
                amount: foodAmount[cell], gramsWithoutValue: foodGramsWithoutValue[cell], grams: foodGrams[day],
                entriesWithoutValue: Int(foodEntriesWithoutValue[cell]))
        }

        /// The supplements taken on the day at `day`, in `nutrient`'s unit.
        func supplements(day: Int, _ nutrient: Nutrient) -> Double {
            supplementAmount[day * Self.width + Self.column(nutrient)]
        }

        /// Food and supplements of the day at `day`, in `nutrient`'s unit.
        func total(day: Int, _ nutrient: Nutrient) -> Double {
            let cell = day * Self.width + Self.column(nutrient)
            return foodAmount[cell] + supplementAmount[cell]
        }

        func foodLogged(day: Int) -> Bool { hasFood[day] }
        func anythingLogged(day: Int) -> Bool { logged[day] }
        func weightlessServings(day: Int) -> Int { Int(weightless[day]) }

        /// Each food's amounts over the period (a row of `width` per slot): its day rows added in date order, and in
        /// the order met within a day.
        func totalsBySource() -> [Double] {
            var totals = [Double](repeating: 0, count: sources.count * Self.width)
            for day in days.indices {
                var row = Int(dayFirstRow[day])
                while row >= 0 {
                    let slot = Int(rowSlot[row]) * Self.width
                    for column in 0..<Self.width { totals[slot + column] += rowAmount[row * Self.width + column] }
                    row = Int(rowNext[row])
                }
            }
            return totals
        }

        /// The rows of the day at `day`, in order.
        func rows(day: Int) -> [Int] {
            var rows: [Int] = []
            var row = Int(dayFirstRow[day])
            while row >= 0 {
                rows.append(row)
                row = Int(rowNext[row])
            }
            return rows
        }

        /// The slot of `food`, made when first met.
        mutating func slot(_ food: FoodReference, catalog: FoodCatalog) -> Int {
            if let known = slots[food] { return known }
            let slot = sources.count
            slots[food] = slot
            sources.append(food)
            switch food {
            case .supplement, .recorded:
                known.append(contentsOf: repeatElement(0, count: Self.width))
                unknownShare.append(contentsOf: repeatElement(0, count: Self.width))
            case .usda, .custom:
                let composition = catalog.knownOrUnknownComposition(of: food)
                known.append(contentsOf: composition.known)
                unknownShare.append(contentsOf: composition.unknownShare)
            }
            return slot
        }

        /// The row of `slot` on the day at `day`, made when first met that day.
        private mutating func row(day: Int, slot: Int) -> Int {
            var row = Int(dayFirstRow[day])
            while row >= 0 {
                if Int(rowSlot[row]) == slot { return row }
                row = Int(rowNext[row])
            }
            let new = rowSlot.count
            rowSlot.append(Int32(slot))
            rowNext.append(-1)
            rowAmount.append(contentsOf: repeatElement(0, count: Self.width))
            if dayLastRow[day] >= 0 {
                rowNext[Int(dayLastRow[day])] = Int32(new)
            } else {
                dayFirstRow[day] = Int32(new)
            }
            dayLastRow[day] = Int32(new)
            return new
        }

        /// The position of `date` in the period, or `nil` for a day outside it (the readers skip other days'
        /// lines; this keeps it so whatever reads).
        private func position(_ date: CalendarDate) -> Int? {
            let day = date.daysSinceEpoch - firstDay
            return day >= 0 && day < days.count ? day : nil
        }

        mutating func add(_ entry: JournalEntry, catalog: FoodCatalog) {
            guard let day = position(entry.date) else { return }
            let slot = slot(entry.food, catalog: catalog)
            switch entry.food {
            case .usda, .custom:
                addFood(slot: slot, day: day, grams: entry.grams ?? 0)
            case .supplement, .recorded:
                let nutrients = catalog.nutrients(of: entry, composition: nil)
                entries[day] += 1
                logged[day] = true
                let supplement = !entry.food.isFood
                if !supplement {
                    hasFood[day] = true
                    foodGrams[day] += entry.grams ?? 0
                }
                let row = row(day: day, slot: slot) * Self.width
                for nutrient in Nutrient.allCases where nutrients.has(nutrient) {
                    let value = nutrients[nutrient]
                    let cell = day * Self.width + Self.column(nutrient)
                    if supplement {
                        supplementAmount[cell] += value.amount
                    } else {
                        foodAmount[cell] += value.amount
                        foodGramsWithoutValue[cell] += value.gramsWithoutValue
                        foodEntriesWithoutValue[cell] += Int32(clamping: value.entriesWithoutValue)
                    }
                    rowAmount[row + Self.column(nutrient)] += value.amount
                }
            }
            if entry.food.isFood, entry.grams == nil { weightless[day] += 1 }
        }

        /// A line of a USDA food, read without making an entry: the same sums as its entry would add.
        mutating func add(_ line: JournalFormat.FastLine, catalog: FoodCatalog) {
            guard let day = position(line.date) else { return }
            let block = line.ndb >> 8
            if block >= ndbSlots.count { ndbSlots += repeatElement([], count: block + 1 - ndbSlots.count) }
            if ndbSlots[block].isEmpty { ndbSlots[block] = [UInt16](repeating: 0, count: 256) }
            var slot = Int(ndbSlots[block][line.ndb & 255]) - 1
            if slot < 0 {
                slot = self.slot(.usda(line.ndbNumber), catalog: catalog)
                if slot < Int(UInt16.max) { ndbSlots[block][line.ndb & 255] = UInt16(slot + 1) }
            }
            addFood(slot: slot, day: day, grams: line.grams)
        }

        /// `grams` of the food in `slot` (a USDA or custom food), as `Composition.totals(grams:)` counts them.
        private mutating func addFood(slot: Int, day: Int, grams: Double) {
            entries[day] += 1
            logged[day] = true
            hasFood[day] = true
            foodGrams[day] += grams
            let source = slot * Self.width
            let dayRow = day * Self.width
            let row = row(day: day, slot: slot) * Self.width
            for column in 0..<Self.width {
                let amount = known[source + column] * grams / 100
                foodAmount[dayRow + column] += amount
                foodGramsWithoutValue[dayRow + column] += unknownShare[source + column] * grams
                rowAmount[row + column] += amount
            }
        }
    }
}

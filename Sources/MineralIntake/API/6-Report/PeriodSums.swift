extension FoodCatalog {
    /// Sums of a period while a report is made: each day's totals by its position in the period, and each food's
    /// (its "source" slot, in the order first met). One look-up per entry, none for a USDA food met before.
    ///
    /// The sums are flat arrays of numbers, a row per day (or per food) and a column per nutrient, in
    /// `Nutrient.allCases` order: a report of ten years adds 29,000 entries into them, and copies no day's totals
    /// when it reads them back. Each number is added in the order the entries come, so the sums are the ones
    /// `NutrientTotals` would make.
    struct PeriodSums {
        /// Nutrients per row.
        static let width = Nutrient.allCases.count

        let period: ReportPeriod
        let days: [CalendarDate]
        let firstDay: Int
        /// Food of each day and nutrient: the known amounts, the grams without a value, and the servings of
        /// unknown weight without a value.
        private(set) var foodAmount: [Double]
        private(set) var foodGramsWithoutValue: [Double]
        private(set) var foodEntriesWithoutValue: [Int32]
        /// All grams of food of each day: every entry counts its grams (or none) for every nutrient alike.
        private(set) var foodGrams: [Double]
        /// Supplements of each day and nutrient (only their amounts count).
        private(set) var supplementAmount: [Double]
        /// Whether any food was logged on each day.
        private(set) var hasFood: [Bool]
        /// Whether anything (food or supplement) was logged on each day.
        private(set) var logged: [Bool]
        /// Food servings of unknown weight (recorded in another tracker) of each day: the shares of grams leave them
        /// out.
        private(set) var weightless: [Int]
        /// Each food met, by slot, and its amounts over the period (a row per slot).
        private(set) var sources: [FoodReference] = []
        private(set) var sourceAmount: [Double] = []
        private(set) var entryCount = 0
        private var slots: [FoodReference: Int] = [:]
        /// Slots of USDA foods by NDB number (0–99999), plus one (0 for none yet): a look-up by position, not by
        /// hash. SR28 has fewer than 9,000 foods, so a slot fits.
        private var ndbSlots = [UInt16](repeating: 0, count: 100_000)
        /// Per 100 g known amounts and the share of grams without a value, a row per slot (empty rows for
        /// supplements and recorded servings, which carry their own amounts).
        private var known: [Double] = []
        private var unknownShare: [Double] = []

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
            weightless = [Int](repeating: 0, count: days.count)
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

        /// The amount of `nutrient` the food in `slot` gave over the period.
        func sourceAmount(slot: Int, _ nutrient: Nutrient) -> Double {
            sourceAmount[slot * Self.width + Self.column(nutrient)]
        }

        /// The slot of `food`, made when first met.
        private mutating func slot(_ food: FoodReference, catalog: FoodCatalog) -> Int {
            if let known = slots[food] { return known }
            let slot = sources.count
            slots[food] = slot
            sources.append(food)
            sourceAmount.append(contentsOf: repeatElement(0, count: Self.width))
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
                entryCount += 1
                logged[day] = true
                let supplement = !entry.food.isFood
                if !supplement {
                    hasFood[day] = true
                    foodGrams[day] += entry.grams ?? 0
                }
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
                    sourceAmount[slot * Self.width + Self.column(nutrient)] += value.amount
                }
            }
            if entry.food.isFood, entry.grams == nil { weightless[day] += 1 }
        }

        /// A line of a USDA food, read without making an entry: the same sums as its entry would add.
        mutating func add(_ line: JournalFormat.FastLine, catalog: FoodCatalog) {
            guard let day = position(line.date) else { return }
            var slot = Int(ndbSlots[line.ndb]) - 1
            if slot < 0 {
                slot = self.slot(.usda(line.ndbNumber), catalog: catalog)
                if slot < Int(UInt16.max) { ndbSlots[line.ndb] = UInt16(slot + 1) }
            }
            addFood(slot: slot, day: day, grams: line.grams)
        }

        /// `grams` of the food in `slot` (a USDA or custom food), as `Composition.totals(grams:)` counts them.
        private mutating func addFood(slot: Int, day: Int, grams: Double) {
            entryCount += 1
            logged[day] = true
            hasFood[day] = true
            foodGrams[day] += grams
            let row = slot * Self.width
            let dayRow = day * Self.width
            for column in 0..<Self.width {
                let amount = known[row + column] * grams / 100
                foodAmount[dayRow + column] += amount
                foodGramsWithoutValue[dayRow + column] += unknownShare[row + column] * grams
                sourceAmount[row + column] += amount
            }
        }
    }
}

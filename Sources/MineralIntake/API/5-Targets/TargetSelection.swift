extension ReferenceTables {
    /// The targets of `profile` on `date` (the day its age is counted on).
    /// - Throws: ``MineralIntakeError/invalidProfile(_:_:)`` for a profile the tables cannot serve (under 1 year,
    ///   over 130, a pregnant male …), naming what is wrong and what is accepted.
    public func targets(for profile: Profile, on date: CalendarDate) throws(MineralIntakeError) -> Targets {
        let age = try profile.validated(on: date)
        var notes: [String] = []
        var state = profile.state
        // Pregnancy and lactation at an age outside the tables' rows (13, or 51 and over) use the nearest row of
        // the same state, with a note: the needs of pregnancy are not those of a non-pregnant woman.
        var stateAge = age
        if state != .none, rowsFor(profile.standard, sex: .female, state: state, age: age).isEmpty {
            let covered = rowKeys.filter { $0.standard == profile.standard && $0.state == state }
            let name = state == .pregnant ? "pregnancy" : "lactation"
            if let low = covered.map(\.ageMinimum).min() {
                let high = covered.contains { $0.ageMaximum == nil } ? nil : covered.compactMap(\.ageMaximum).max()
                let nearest = Double(age) < low ? Int(low.rounded(.up)) : Int((high ?? Double(age)).rounded(.down))
                if let band = rowsFor(profile.standard, sex: .female, state: state, age: nearest).first?.bandLabel {
                    stateAge = nearest
                    notes.append(
                        "\(profile.standard.rawValue) gives \(name) values for ages \(NumberText.plain(low))"
                            + (high.map { "–\(NumberText.plain($0))" } ?? "+")
                            + "; for \(age) the nearest \(name) row "
                            + "(\(band)\(Double(age) < low ? ", which the 1997 tables label \"≤ 18 y\"" : "")) is "
                            + "used, not the values of a non-\(state == .pregnant ? "pregnant" : "lactating") "
                            + "woman."
                    )
                }
            }
            if stateAge == age {
                notes.append(
                    "\(profile.standard.rawValue) gives no \(name) values; the values for a "
                        + "non-\(state == .pregnant ? "pregnant" : "lactating") \(age)-year-old female are used."
                )
                state = .none
            }
        }
        var chosen = rowsFor(profile.standard, sex: profile.sex, state: state, age: stateAge)
        let ordinary = state == .none ? chosen : rowsFor(profile.standard, sex: profile.sex, state: .none, age: age)
        if state != .none {
            // Where the pregnancy or lactation rows give no value of a kind the ordinary rows have (EFSA gives no
            // calcium AR in pregnancy), the value for a non-pregnant, non-lactating woman of the same age applies.
            for row in ordinary
            where !chosen.contains(where: { $0.nutrient == row.nutrient && $0.kind.role == row.kind.role }) {
                chosen.append(row)
                notes.append(
                    "\(profile.standard.rawValue) gives no \(row.nutrient.displayName) \(row.kind.rawValue) for "
                        + "\(state == .pregnant ? "pregnancy" : "lactation"); the value for a non-\(state.rawValue) "
                        + "female of \(age) (\(row.bandLabel)) is used."
                )
            }
        }

        var nutrients: [NutrientTargets] = []
        for nutrient in Nutrient.tracked {
            var targets = NutrientTargets(nutrient: nutrient)
            for row in chosen where row.nutrient == nutrient {
                targets[row.kind.role] = target(from: row)
            }
            for change in profile.overrides where change.nutrient == nutrient {
                let official = targets[change.role]
                targets[change.role] = Target(
                    kind: official?.kind ?? .custom, amount: change.amount, unit: nutrient.unit,
                    standard: profile.standard,
                    row: "your override" + (official.map { " of \($0.row)" } ?? ""), source: "set by you",
                    sourceLine: 0, verification: nil, notes: official?.notes ?? "",
                    supplementsOnly: official?.supplementsOnly
                        ?? (nutrient == .magnesium && change.role == .upperLimit),
                    overridden: true, officialAmount: official?.amount)
            }
            if let training = profile.training, training.hoursPerDay > 0,
                let concentration = sweat.concentrations[nutrient]
            {
                let rate = training.sweatRateLitresPerHour ?? sweat.sweatRate.value
                let rateSource =
                    training.sweatRateLitresPerHour == nil
                    ? "sweat.csv line \(sweat.sweatRate.line): \(sweat.sweatRate.source)" : "your sweat rate"
                targets.sweatLoss = SweatLossEstimate(
                    hoursPerDay: training.hoursPerDay, sweatRateLitresPerHour: rate, sweatRateSource: rateSource,
                    concentrationMgPerLitre: concentration.value,
                    concentrationSource: "sweat.csv line \(concentration.line): \(concentration.source)",
                    amountPerDay: training.hoursPerDay * rate * concentration.value)
            }
            targets.withinPersonSD = withinPersonSD(nutrient, sex: profile.sex, age: age)
            nutrients.append(targets)
        }

        let used = chosen.filter { row in
            !profile.overrides.contains { $0.nutrient == row.nutrient && $0.role == row.kind.role }
        }
        for row in used where row.verification == .memoryUnverified {
            notes.append(
                "\(row.nutrient.displayName) \(row.kind.rawValue) \(NumberText.plain(row.amount)) "
                    + "\(row.nutrient.unit.rawValue) (\(row.bandLabel)) is not confirmed in a read source "
                    + "(targets.csv line \(row.line)); treat it with care."
            )
        }
        if nutrients.contains(where: { $0.nutrient == .magnesium && $0.upperLimit != nil }) {
            notes.append(
                "The magnesium upper limit counts supplemental magnesium only (supplements, medicines, fortificants), "
                    + "never magnesium from food and water."
            )
        }
        if profile.standard == .nasem, profile.groups.contains(.athlete) || profile.training != nil {
            notes.append(
                "NASEM: the sodium AI does not apply to heavy sweat losers (competitive athletes, heat-exposed "
                    + "workers)."
            )
        }
        if let sodium = nutrients.first(where: { $0.nutrient == .sodium }), let loss = sodium.sweatLoss,
            let reduce = sodium.reduceAbove
        {
            notes.append(
                "The sodium CDRR (\(NumberText.plain(reduce.amount)) mg) and AI were set for apparently healthy "
                    + "people, not for those who lose much sodium in sweat: with your training, sodium is judged "
                    + "against the CDRR plus the estimated sweat loss, "
                    + "\(NumberText.plain((reduce.amount + loss.amountPerDay).rounded())) mg a day (an "
                    + "estimate)."
            )
        }
        let lifeStage = chosen.first { $0.nutrient == .potassium }?.bandLabel ?? chosen.first?.bandLabel ?? "no row"
        return Targets(
            profile: profile, ageYears: age, date: date, standard: profile.standard, lifeStage: lifeStage,
            nutrients: nutrients,
            groupNotes: groupNotes(profile: profile, state: state, age: age, chosen: chosen, ordinary: ordinary),
            notes: notes)
    }

    /// The rows for a standard, sex, life stage and age: the rows of each nutrient and kind whose band covers the
    /// age. Where the tables give both a both-sexes and a sex-specific band, the sex-specific one wins.
    func rowsFor(_ standard: ReferenceStandard, sex: Sex, state: PhysiologicalState, age: Int) -> [TargetRow] {
        let keys = rowKeys
        var chosen: [Int] = []
        for index in keys.indices {
            let row = keys[index]
            guard row.standard == standard, row.state == state, row.sex == nil || row.sex == sex,
                row.covers(age: age), row.ageMinimum >= 1
            else { continue }
            if let place = chosen.firstIndex(where: { keys[$0].nutrient == row.nutrient && keys[$0].kind == row.kind })
            {
                if keys[chosen[place]].sex == nil, row.sex != nil { chosen[place] = index }
            } else {
                chosen.append(index)
            }
        }
        return chosen.map { row(at: $0) }
    }

    func target(from row: TargetRow) -> Target {
        Target(
            kind: row.kind, amount: row.amount, unit: row.nutrient.unit, standard: row.standard, row: row.bandLabel,
            source: row.source, sourceLine: row.line, verification: row.verification, notes: row.notes,
            supplementsOnly: row.nutrient == .magnesium && row.kind == .ul, overridden: false, officialAmount: nil)
    }

    func groupNotes(
        profile: Profile, state: PhysiologicalState, age: Int, chosen: [TargetRow], ordinary: [TargetRow]
    ) -> [GroupNote] {
        var result: [GroupNote] = []
        if state != .none {
            var changes: [TargetChange] = []
            for nutrient in Nutrient.tracked {
                for role in TargetRole.allCases {
                    let now = chosen.first { $0.nutrient == nutrient && $0.kind.role == role }?.amount
                    let before = ordinary.first { $0.nutrient == nutrient && $0.kind.role == role }?.amount
                    if now != before {
                        changes.append(
                            TargetChange(nutrient: nutrient, role: role, from: before, to: now, unit: nutrient.unit))
                    }
                }
            }
            let name = state == .pregnant ? "Pregnancy" : "Lactation"
            let note =
                changes.isEmpty
                ? "\(name): the tables' \(state == .pregnant ? "pregnancy" : "lactation") rows are used; they match "
                    + "those of a non-\(state.rawValue) female of \(age)."
                : "\(name): the tables' \(state == .pregnant ? "pregnancy" : "lactation") rows are used instead of "
                    + "those of a non-\(state.rawValue) female of \(age)."
            result.append(GroupNote(group: state.rawValue, note: note, changes: changes))
        }
        let band = chosen.first { $0.nutrient == .calcium }?.bandLabel ?? chosen.first?.bandLabel ?? ""
        for group in profile.groups.sorted() {
            let note: String
            switch group {
            case .teenager:
                note = "Teenager: the tables cover growth by age; the \(band) row is used for age \(age)."
            case .elderly:
                note = "Elderly: the tables cover later life by age; the \(band) row is used for age \(age)."
            case .youngMother:
                note =
                    state == .lactating
                    ? "Young mother: breastfeeding is covered by the lactation rows, used here."
                    : "Young mother: the tables set no different target for motherhood itself; breastfeeding does "
                        + "(set lactating)."
            case .athlete:
                if let training = profile.training, training.hoursPerDay > 0 {
                    let rate = training.sweatRateLitresPerHour ?? sweat.sweatRate.value
                    let added = [Nutrient.potassium, .magnesium, .calcium, .sodium].compactMap { nutrient in
                        sweat.concentrations[nutrient].map {
                            "\(NumberText.display(training.hoursPerDay * rate * $0.value)) mg \(nutrient.displayName)"
                        }
                    }
                    note =
                        "Athlete: no official table adds anything for training; the estimated sweat loss adds "
                        + added.joined(separator: ", ") + " a day, shown apart from the official goal."
                } else {
                    note =
                        "Athlete: no official table adds anything for training; give training hours to estimate sweat "
                        + "losses."
                }
            case .officeWorker, .driver, .seller:
                let name = ["office-worker": "Office worker", "driver": "Driver", "seller": "Seller"][group.rawValue]!
                note =
                    "\(name): the tables set no different target for this work; the targets are those of your age and "
                    + "sex. (The article names long sitting or standing as a cause of cramps, not as a change in "
                    + "needs.)"
            }
            result.append(GroupNote(group: group.rawValue, note: note, changes: []))
        }
        return result
    }
}

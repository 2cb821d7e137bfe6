/// The report's sentences for people, made from its codes and numbers: the domain decides, the rendering says it.

extension NutrientReport {
    /// One sentence a person can act on: the verdict's reason, with its numbers.
    public var explanation: String {
        let unit = self.unit.rawValue
        func amount(_ value: Double) -> String { "\(NumberText.display(value)) \(unit)" }
        guard let average else { return "Nothing was logged in this period." }
        let withSweat = sweatLoss.map { " (including \(NumberText.display($0)) \(unit) estimated sweat loss)" } ?? ""
        let missing = NumberText.plain((unknownShare * 100).rounded())
        // Servings of unknown weight have no share of the grams: the share is of the weighed food only.
        let food = reason.weighedFoodOnly ? "weighed food" : "food"
        let caveat =
            unknownShare > 0
            ? " (\(missing) % of the \(food) logged has no value: the true intake may be a little higher)" : ""
        switch reason.code {
        case .notLogged:
            return "Nothing was logged in this period."
        case .aboveReduceLevel:
            return "Average \(amount(average)) a day is above \(amount(reduceAbove ?? 0)), the level to stay below for "
                + "lower chronic disease risk (CDRR): reduce."
        case .noGoal:
            return "No goal is set for this nutrient."
        case .meetsGoal:
            return "Average \(amount(average)) a day meets the goal of \(amount(goal ?? 0))\(withSweat)."
        case .notEnoughData:
            // Servings of unknown weight (recorded elsewhere) cannot be a share of the grams: they are counted.
            let servings = reason.servingsWithoutValue
            let plural = servings == 1 ? "" : "s"
            let what =
                servings == 0
                ? "\(missing) % of the \(food) logged has"
                : unknownShare > 0
                    ? "\(missing) % of the grams logged, and \(servings) serving\(plural) of unknown weight, have"
                    : "\(servings) serving\(plural) of unknown weight \(servings == 1 ? "has" : "have")"
            return "Not enough data: \(what) no \(nutrient.displayName) value. The foods with a value give "
                + "\(amount(average)) a day, under the goal of \(amount(goal ?? 0)), but the true intake is unknown: "
                + "it may be higher."
        case .likelyDeficiency:
            return "Average \(amount(average)) a day over \(loggedDays) logged day\(loggedDays == 1 ? "" : "s") is "
                + "below the average requirement of \(amount(averageRequirement ?? 0))\(withSweat) "
                + "(\(daysBelowAverageRequirement) of the \(loggedDays) days were below it): a deficiency is "
                + "likely\(caveat)."
        case .possibleShortfall:
            return "Average \(amount(average)) a day is between the average requirement of "
                + "\(amount(averageRequirement ?? 0)) and the goal of \(amount(goal ?? 0))\(withSweat): a shortfall "
                + "is possible\(caveat)."
        case .belowAdequateIntake:
            return "Average \(amount(average)) a day is below the Adequate Intake of \(amount(goal ?? 0))\(withSweat). "
                + "No average requirement exists, so a deficiency cannot be judged; reaching the AI is "
                + "advisable\(caveat)."
        }
    }
}

extension Certainty {
    /// The statement for people: how sure, in words, and how many more days would settle it.
    public var statement: String {
        let name = nutrient.displayName
        func amount(_ value: Double) -> String { "\(NumberText.plain(value)) \(nutrient.unit.rawValue)" }
        guard withinPersonSD != nil, let z, let confidence = confidencePercent else {
            return "How sure: not computed; \(days) day\(days == 1 ? " is" : "s are") a sample of your usual \(name) "
                + "intake, and its day-to-day SD (IOM 2000, table B-2) could not be read in a source for your age "
                + "and sex."
        }
        let daysText = "\(days) day\(days == 1 ? "" : "s") recorded"
        let statement: String
        if reference == .averageRequirement {
            let side =
                z < 0
                ? "below the requirement (\(amount(referenceAmount)))"
                : "at or above the requirement (\(amount(referenceAmount)))"
            statement =
                confidence < 70
                ? "How sure: too few days to tell (\(confidence) %): with \(daysText), your usual \(name) intake may "
                    + "be on either side of the requirement."
                : "How sure: with \(daysText), about \(confidence) % confident your usual \(name) intake is \(side)."
        } else {
            statement =
                z >= Self.z90
                ? "How sure: with \(daysText), about \(confidence) % confident your usual \(name) intake is at or "
                    + "above the AI (\(amount(referenceAmount))): adequate."
                : "How sure: with \(daysText), it cannot be said that your usual \(name) intake is at or above the "
                    + "AI; below the AI is not a deficiency."
        }
        let settle =
            moreDaysFor90Percent.map { " About \($0) more day\($0 == 1 ? "" : "s") would settle it at 90 %." } ?? ""
        return statement + settle
    }
}

/// One row of `within-person-sd.csv`: how much a person's intake of a nutrient varies from day to day (pooled
/// from a survey), which decides how sure a few days' average can be.
public struct WithinPersonSD: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// The sex, or `nil` for both.
    public var sex: Sex?
    /// First year of age covered.
    public var ageMinimum: Double
    /// Last year of age covered (`nil`: and older).
    public var ageMaximum: Double?
    /// The SD in the nutrient's unit a day; `nil` where no value could be read in a source.
    public var sd: Double?
    /// The work it comes from.
    public var source: String
    /// Where in it.
    public var table: String
    /// `read-primary`, `read-secondary` or `not-found`.
    public var verification: String
    /// The line of `within-person-sd.csv`.
    public var line: Int
}

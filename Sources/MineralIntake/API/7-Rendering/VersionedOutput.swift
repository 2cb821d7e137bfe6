/// The envelope of every JSON document MineralIntake writes: what it is, the schema version, and the content.
///
/// ```json
/// {"kind": "foods.search", "schema_version": 3, "data": [ … ]}
/// ```
/// A program reading the CLI's JSON decodes it with the same type: `VersionedOutput<[FoodSearchResult]>`.
public struct VersionedOutput<Content: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The current version of the JSON schemas; raised when a field changes meaning or goes away.
    public static var currentSchemaVersion: Int { 3 }

    /// What the document holds: `foods.search`, `foods.show`, `foods.rich-in`.
    public var kind: String
    /// The schema version the document follows.
    public var schemaVersion: Int
    /// The content.
    public var data: Content

    /// An envelope of `kind` around `data`.
    public init(kind: String, data: Content, schemaVersion: Int = VersionedOutput.currentSchemaVersion) {
        self.kind = kind
        self.schemaVersion = schemaVersion
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case schemaVersion = "schema_version"
        case data
    }
}

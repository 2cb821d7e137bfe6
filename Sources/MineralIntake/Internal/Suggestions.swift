/// "Did you mean" support: edit distances between short words.
enum Suggestions {
    /// The candidate nearest to `word` by edit distance, if within `maxDistance`.
    static func closest(to word: String, among candidates: [String], maxDistance: Int) -> String? {
        let target = Array(word.utf8)
        var best: (String, Int)?
        for candidate in candidates {
            let limit = min(maxDistance, (best?.1 ?? maxDistance + 1) - 1)
            guard limit >= 0, let distance = editDistance(target, Array(candidate.utf8), limit: limit) else { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// Three rows of the distance table, reused from one comparison to the next.
    struct Rows {
        var previousPrevious: [Int]
        var previous: [Int]
        var current: [Int]

        init(capacity: Int) {
            previousPrevious = [Int](repeating: 0, count: capacity + 1)
            previous = previousPrevious
            current = previousPrevious
        }

        init(_ previousPrevious: [Int], _ previous: [Int], _ current: [Int]) {
            self.previousPrevious = previousPrevious
            self.previous = previous
            self.current = current
        }
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions),
    /// or `nil` when it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        var rows = Rows(capacity: b.count)
        return editDistance(a, b, limit: limit, rows: &rows)
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int, rows: inout Rows) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if rows.previous.count < b.count + 1 { rows = Rows(capacity: b.count) }
        // Taken out of `rows` (leaving it empty) so the arrays are uniquely held and written in place.
        var previousPrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
        swap(&previousPrevious, &rows.previousPrevious)
        swap(&previous, &rows.previous)
        swap(&current, &rows.current)
        defer { rows = Rows(previousPrevious, previous, current) }
        for j in 0...b.count { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

extension Suggestions {
    /// Up to `count` candidates nearest to `word`, nearest first, each within a third of the word's length.
    static func closest(to word: String, among candidates: [String], count: Int) -> [String] {
        let target = Array(word.utf8)
        let limit = max(1, target.count / 3)
        var scored: [(String, Int)] = []
        for candidate in Set(candidates) {
            if let distance = editDistance(target, Array(candidate.utf8), limit: limit) {
                scored.append((candidate, distance))
            }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }
}

/// "Did you mean" for front ends: the known word closest to a mistyped one.
package enum DidYouMean {
    /// The candidate nearest to `word` (edit distance within about a third of its length, at least 2), if any.
    package static func suggestion(for word: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: word, among: candidates, maxDistance: max(2, word.utf8.count / 3))
    }
}

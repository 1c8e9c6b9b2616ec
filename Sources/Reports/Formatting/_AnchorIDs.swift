/// Generates stable, unique HTML `id`s (`train-tree`, `train-tree-2`, …).
struct _AnchorIDs {
    private var used: Set<String> = []

    /// A new id for a directive section: the slug of `kind-name`, made unique.
    mutating func make(kind: String, name: String?) -> String {
        unique(Self.slug([kind, name ?? ""].filter { !$0.isEmpty }.joined(separator: "-")))
    }

    /// A new id for a heading: the slug of its text, made unique.
    mutating func make(heading text: String) -> String {
        unique(Self.slug(text))
    }

    /// Marks `id` as taken (an id the page uses for something else, e.g. `history`).
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    private mutating func unique(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "-" + String(counter)
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lowercase ASCII letters and digits, other runs collapsed to `-`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

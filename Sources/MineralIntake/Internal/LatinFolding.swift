/// Latin letters with accents (U+00C0–U+024F) and their plain lower-case letters, for matching `Entrée` with
/// `entree` without Foundation's folding (which needs ICU). Made from Unicode's canonical decompositions
/// (NFD without combining marks), plus ß → ss, æ → ae, œ → oe, ø → o, ł → l, ð → d, þ → th, ı → i.
enum LatinFolding {
    static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for pair in text.split(separator: " ") {
            let sides = pair.split(separator: "=")
            if sides.count == 2, let code = UInt32(sides[0], radix: 16) { table[code] = String(sides[1]) }
        }
        return table
    }()

    static let text =
        "c0=a c1=a c2=a c3=a c4=a c5=a c6=ae c7=c c8=e c9=e ca=e cb=e cc=i cd=i ce=i cf=i d0=d d1=n d2=o d3=o d4=o "
        + "d5=o d6=o d8=o d9=u da=u db=u dc=u dd=y de=th df=ss e0=a e1=a e2=a e3=a e4=a e5=a e6=ae e7=c e8=e e9=e "
        + "ea=e eb=e ec=i ed=i ee=i ef=i f0=d f1=n f2=o f3=o f4=o f5=o f6=o f8=o f9=u fa=u fb=u fc=u fd=y "
        + "fe=th ff=y 100=a 101=a 102=a 103=a 104=a 105=a 106=c 107=c 108=c 109=c 10a=c 10b=c 10c=c 10d=c "
        + "10e=d 10f=d 112=e 113=e 114=e 115=e 116=e 117=e 118=e 119=e 11a=e 11b=e 11c=g 11d=g 11e=g "
        + "11f=g 120=g 121=g 122=g 123=g 124=h 125=h 128=i 129=i 12a=i 12b=i 12c=i 12d=i 12e=i 12f=i 130=i 131=i 134=j 135=j 136=k 137=k 139=l 13a=l 13b=l 13c=l 13d=l 13e=l 141=l 142=l 143=n 144=n 145=n 146=n 147=n 148=n 14c=o 14d=o 14e=o 14f=o 150=o 151=o 152=oe 153=oe 154=r 155=r 156=r 157=r 158=r 159=r 15a=s 15b=s 15c=s 15d=s 15e=s 15f=s 160=s 161=s 162=t 163=t 164=t 165=t 168=u 169=u 16a=u 16b=u 16c=u 16d=u 16e=u 16f=u 170=u 171=u 172=u 173=u 174=w 175=w 176=y 177=y 178=y 179=z 17a=z 17b=z 17c=z 17d=z 17e=z 1a0=o 1a1=o 1af=u 1b0=u 1cd=a 1ce=a 1cf=i 1d0=i 1d1=o 1d2=o 1d3=u 1d4=u 1d5=u 1d6=u 1d7=u 1d8=u 1d9=u 1da=u 1db=u 1dc=u 1de=a 1df=a 1e0=a 1e1=a 1e6=g 1e7=g 1e8=k 1e9=k 1ea=o 1eb=o 1ec=o 1ed=o 1f0=j 1f4=g 1f5=g 1f8=n 1f9=n 1fa=a 1fb=a 200=a 201=a 202=a 203=a 204=e 205=e 206=e 207=e 208=i 209=i 20a=i 20b=i 20c=o 20d=o 20e=o 20f=o 210=r 211=r 212=r 213=r 214=u 215=u 216=u 217=u 218=s 219=s 21a=t 21b=t 21e=h 21f=h 226=a 227=a 228=e 229=e 22a=o 22b=o 22c=o 22d=o 22e=o 22f=o 230=o 231=o 232=y 233=y"

    /// `text` lower-cased, with accented Latin letters made plain; other non-ASCII characters are dropped.
    static func folded(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if let plain = table[scalar.value] {
                out += plain
            } else if scalar.properties.isWhitespace || scalar.properties.generalCategory == .dashPunctuation {
                out += " "
            }
        }
        return out
    }
}

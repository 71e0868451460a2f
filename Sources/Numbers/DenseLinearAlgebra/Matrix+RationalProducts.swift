import BigInt
import ExactArithmetic

extension Matrix where Scalar == Rational {
    /// A·x over a common denominator per row: each row of A and x are scaled to integers, the dot products
    /// are taken in integers, and one ``ExactArithmetic/Rational`` is formed per result — m gcds instead of
    /// one per multiply-add. ``Matrix/multiply(_:)-(Scalar)`` uses it for rational matrices.
    /// - Complexity: O(m·n) integer operations.
    func commonDenominatorProduct(_ x: [Rational]) -> [Rational] {
        let (integerX, xScale) = Self.integers(x)
        return (0..<rows).map { i in
            let (integerRow, rowScale) = Self.integers(row(i))
            var sum = BigInt(0)
            for j in 0..<columns where !integerRow[j].isZero && !integerX[j].isZero { sum += integerRow[j] * integerX[j] }
            return Rational(sum, rowScale * xScale)
        }
    }

    /// Aᵀ·y over a common denominator per column (see ``commonDenominatorProduct(_:)``).
    /// - Complexity: O(m·n) integer operations.
    func commonDenominatorTransposedProduct(_ y: [Rational]) -> [Rational] {
        let (integerY, yScale) = Self.integers(y)
        return (0..<columns).map { j in
            let (integerColumn, columnScale) = Self.integers(column(j))
            var sum = BigInt(0)
            for i in 0..<rows where !integerColumn[i].isZero && !integerY[i].isZero { sum += integerColumn[i] * integerY[i] }
            return Rational(sum, columnScale * yScale)
        }
    }

    /// The values times the lcm L of their denominators (integers), and L.
    private static func integers(_ values: [Rational]) -> (values: [BigInt], scale: BigInt) {
        let scale = values.reduce(BigInt(1)) { lcm, value in
            value.denominator == 1 || lcm % value.denominator == 0
                ? lcm : lcm / BigInt(lcm.magnitude.greatestCommonDivisor(with: value.denominator.magnitude)) * value.denominator
        }
        return (values.map { $0.numerator * (scale / $0.denominator) }, scale)
    }
}

import {describe, expect, it} from "vitest";
import {
  affineInto,
  columnSumsInto,
  Matrix,
  matmulInto,
  matmulTransposeAInto,
  matmulTransposeBInto,
  Random
} from "../../../src/lib/nn/index.js";

const A = Matrix.from([
  [1, 2, 3],
  [4, 5, 6]
]);

// The textbook triple loop, as an oracle for the faster loop orders.
function naiveProduct(P: number[][], Q: number[][]): number[][] {
  return P.map((row) => Q[0].map((_, j) => row.reduce((s, p, k) => s + p * Q[k][j], 0)));
}

describe("Matrix", () => {
  it("stores rows one after another (row-major)", () => {
    expect(A.rows).toBe(2);
    expect(A.cols).toBe(3);
    expect(Array.from(A.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(A.get(1, 0)).toBe(4);
    expect(A.shape).toEqual([2, 3]);
    expect(A.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6]
    ]);
  });

  it("builds rows, columns, zeros, filled matrices and copies", () => {
    expect(Matrix.row([1, 2]).shape).toEqual([1, 2]);
    expect(Matrix.column([1, 2]).toArray()).toEqual([[1], [2]]);
    expect(Matrix.zeros(2, 2).toArray()).toEqual([
      [0, 0],
      [0, 0]
    ]);
    expect(Matrix.fill(1, 2, 7).toArray()).toEqual([[7, 7]]);
    const copy = A.clone().set(0, 0, 100);
    expect(A.get(0, 0)).toBe(1);
    expect(copy.get(0, 0)).toBe(100);
    expect(Matrix.zeros(2, 3).copyFrom(A).toArray()).toEqual(A.toArray());
  });

  it("transposes, and reads rows, columns and selected rows", () => {
    expect(A.transpose().toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6]
    ]);
    expect(A.row(1)).toEqual([4, 5, 6]);
    expect(A.column(2)).toEqual([3, 6]);
    expect(A.selectRows([1, 1, 0]).toArray()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3]
    ]);
  });

  it("adds a bias row to every row (broadcasting), and a column or a number", () => {
    expect(A.add(Matrix.row([10, 20, 30])).toArray()).toEqual([
      [11, 22, 33],
      [14, 25, 36]
    ]);
    expect(A.sub(Matrix.column([1, 4])).toArray()).toEqual([
      [0, 1, 2],
      [0, 1, 2]
    ]);
    expect(A.mul(2).toArray()).toEqual(A.scale(2).toArray());
    expect(A.mul(A).toArray()).toEqual([
      [1, 4, 9],
      [16, 25, 36]
    ]);
    expect(A.div(A).toArray()).toEqual([
      [1, 1, 1],
      [1, 1, 1]
    ]);
    expect(A.map((x, i, j) => x * 10 + i + j).toArray()).toEqual([
      [10, 21, 32],
      [41, 52, 63]
    ]);
  });

  it("sums and averages along an axis like NumPy (axis 0 down the columns, axis 1 along the rows)", () => {
    expect(A.sum()).toBe(21);
    expect(A.sum(0).toArray()).toEqual([[5, 7, 9]]);
    expect(A.sum(1).toArray()).toEqual([[6], [15]]);
    expect(A.mean()).toBe(3.5);
    expect(A.mean(0).toArray()).toEqual([[2.5, 3.5, 4.5]]);
    expect(A.mean(1).toArray()).toEqual([[2], [5]]);
  });

  it("finds the largest entry per row (first one on ties)", () => {
    expect(
      Matrix.from([
        [0.1, 0.7, 0.2],
        [3, 1, 3],
        [-1, -2, -0.5]
      ]).argmaxRows()
    ).toEqual([1, 0, 2]);
  });

  it("prints aligned rows", () => {
    expect(Matrix.from([[1, -2.5]]).toString(1)).toBe("[ 1.0 -2.5]");
  });
});

describe("matrix products", () => {
  const random = new Random(5);
  const P = new Matrix(7, 5).map(() => random.normal());
  const Q = new Matrix(5, 4).map(() => (random.next() < 0.3 ? 0 : random.normal())); // some exact zeros
  const expected = naiveProduct(P.toArray(), Q.toArray());

  const close = (actual: Matrix, wanted: number[][]) =>
    actual.toArray().forEach((row, i) => {
      row.forEach((x, j) => {
        expect(x).toBeCloseTo(wanted[i][j], 12);
      });
    });

  it("matmul agrees with the textbook triple loop", () => {
    close(P.matmul(Q), expected);
    close(matmulInto(Matrix.fill(7, 4, 99), P, Q), expected); // out is overwritten, not added to
  });

  it("Aᵀ·B and A·Bᵀ agree with explicit transposes", () => {
    const R = new Matrix(7, 4).map(() => random.normal());
    close(matmulTransposeAInto(new Matrix(5, 4), P, R), naiveProduct(P.transpose().toArray(), R.toArray()));
    const S = new Matrix(6, 5).map(() => random.normal());
    close(
      matmulTransposeBInto(new Matrix(7, 6), P, S, new Matrix(5, 6)),
      naiveProduct(P.toArray(), S.transpose().toArray())
    );
  });

  it("A·W + b starts each row at b", () => {
    const b = Matrix.row([1, 2, 3, 4]);
    close(affineInto(new Matrix(7, 4), P, Q, b), P.matmul(Q).add(b).toArray());
  });

  it("column sums give the bias gradient", () => {
    expect(columnSumsInto(new Matrix(1, 3), A).toArray()).toEqual([[5, 7, 9]]);
  });
});

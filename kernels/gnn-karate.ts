// Zachary's karate club (Zachary 1977), as networkx's karate_club_graph holds it: 34 members numbered 0–33,
// 78 undirected friendships (each listed once, smaller index first) and the club each member joined after
// the split (networkx's `club` attribute: 'Mr. Hi' → 0, the instructor's; 'Officer' → 1, the
// administrator's; 17 and 17).
//
// Example: const { nodes, edges, faction } = karateClub();  // 34, 78 pairs, faction[0] = 0, faction[33] = 1

export interface KarateClub {
  nodes: number;
  edges: [number, number][];
  faction: number[];
}

/** Each member's friends with a larger index (members numbered from 1, as in Zachary's paper). */
const FRIENDS_ONE_BASED: Record<number, number[]> = {
  1: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 18, 20, 22, 32],
  2: [3, 4, 8, 14, 18, 20, 22, 31],
  3: [4, 8, 9, 10, 14, 28, 29, 33],
  4: [8, 13, 14],
  5: [7, 11],
  6: [7, 11, 17],
  7: [17],
  9: [31, 33, 34],
  10: [34],
  14: [34],
  15: [33, 34],
  16: [33, 34],
  19: [33, 34],
  20: [34],
  21: [33, 34],
  23: [33, 34],
  24: [26, 28, 30, 33, 34],
  25: [26, 28, 32],
  26: [32],
  27: [30, 34],
  28: [34],
  29: [32, 34],
  30: [33, 34],
  31: [33, 34],
  32: [33, 34],
  33: [34],
};

/** The members (0-based) who joined Mr. Hi's club; everyone else joined the Officer's. */
const MR_HI = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21]);

/** A fresh copy of the karate club graph (0-based). */
export function karateClub(): KarateClub {
  const edges: [number, number][] = [];
  for (const [from, tos] of Object.entries(FRIENDS_ONE_BASED))
    for (const to of tos) edges.push([Number(from) - 1, to - 1]);
  const faction = Array.from({ length: 34 }, (_, i) => (MR_HI.has(i) ? 0 : 1));
  return { nodes: 34, edges, faction };
}

import { randomInt } from "node:crypto";

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/];

/**
 * A temporary password: four groups of four characters from a cryptographic source (about 92
 * bits), with a lower-case letter, an upper-case letter and a digit so that any password policy
 * a project sets is met. The user must replace it at the first sign-in.
 */
export function temporaryPassword(): string {
  for (;;) {
    const characters = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const password = [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join(""))
      .join("-");
    if (CLASSES.every((pattern) => pattern.test(password))) return password;
  }
}

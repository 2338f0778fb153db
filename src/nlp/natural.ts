/**
 * The few parts of `natural` that Quotedesk uses, loaded one module at a time.
 *
 * `import natural from 'natural'` loads every part of the library, including storage back ends that print
 * to stdout through dotenv and take most of a second; a JSON answer on stdout cannot afford either.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(token: string): string;
}

export const porterStemmer: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');

export const englishStopwords: readonly string[] = (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;

const levenshtein = require('natural/lib/natural/distance/levenshtein_distance.js') as {
  LevenshteinDistance(a: string, b: string): number;
};

export const levenshteinDistance = (a: string, b: string): number => levenshtein.LevenshteinDistance(a, b);

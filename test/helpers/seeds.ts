/** The entities each seed names (checked against the seed text in entities.test.ts, and against the built pages in site.test.ts). */
export const SEED_ENTITIES: Record<string, string[]> = {
  "000_fb8126fedde5b17e.txt": [
    "shafaq-news", "baghdad", "security-council-of-russia", "sergei-shoigu", "moscow", "iraq", "qasim-al-araji",
    "baghdad-international-airport", "mohammed-shia-al-sudani", "russia", "iraqi-national-security-advisory",
  ],
  "001_760731abf67d5e05.txt": [
    "shafaq-news", "baghdad", "qasim-al-araji", "security-council-of-russia", "sergei-shoigu", "russia",
    "iraqi-national-security-advisory", "mohammed-shia-al-sudani", "vladimir-putin", "moscow", "gaza-strip", "iraq",
    "baghdad-international-airport", "ahmed-al-asadi", "anton-kotyakov", "international-labour-organization",
  ],
};

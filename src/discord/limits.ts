/** Discord's limits on what a message may carry (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  embedAuthor: 256,
  /** All the text of all the embeds of one message together. */
  embedTotal: 6000,
  embeds: 10,
  content: 2000,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  optionDescription: 100,
} as const;

export { createOpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './openai-compatible';
export { toProviderError } from './classify';

/**
 * Words from a messages.json object, substituted as browsers do for `i18n.getMessage`: `$NAME$` is
 * the placeholder's content, `$1`..`$9` the substitutions, `$$` a dollar sign. Used where a text must
 * be in one language whatever the UI's (the e-mail to OpenAI support, in English by default).
 */
import type { Words } from './email';

export type MessagesJson = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function wordsOf(messages: MessagesJson): Words {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return key;
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
    const numbered = (text: string) =>
      text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    return numbered(
      entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) =>
        name.toLowerCase() in placeholders ? (placeholders[name.toLowerCase()] as string) : all,
      ),
    );
  };
}

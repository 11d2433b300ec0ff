import { InvalidArgumentError, Option } from 'commander';
import { isLang, type Lang } from '../core/text.js';

function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError('fr | en');
  return value;
}

/** `--lang fr|en`, French by default: the language a command speaks in. */
export const lang = () => new Option('--lang <lang>', 'langue des textes / language (fr, en)').default('fr').argParser(parseLang);

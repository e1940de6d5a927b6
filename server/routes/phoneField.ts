import { z } from 'zod';
import { isValidPhone, PHONE_INVALID_MESSAGE, PHONE_PATTERN } from '../domain/phone.ts';

/** What the OpenAPI document says of every phone field a person's number is given in. */
const PHONE_DESCRIPTION =
  'Telefoonnummer, Nederlands of internationaal. Zonder + of 00 met landcode is het een Nederlands nummer. ' +
  'Cijfers met spaties, streepjes, punten, haakjes of / ertussen. Het nummer moet in het nummerplan van het land ' +
  'passen (libphonenumber-js); een toestelnummer kan niet. Opgeslagen en teruggegeven als E.164 (+31612345678).';

/**
 * A person's phone number as input: the characters people write numbers with (stated as a pattern),
 * then a valid number for its country (libphonenumber-js, Dutch by default). The command stores E.164.
 */
export const phoneNumber = (message: string = PHONE_INVALID_MESSAGE) =>
  z
    .string()
    .regex(PHONE_PATTERN, { message, abort: true })
    .trim()
    .refine(isValidPhone, message)
    .meta({ description: PHONE_DESCRIPTION, examples: ['06 12345678', '+31 6 1234 5678', '020 123 4567', '+32 470 12 34 56'] });

/** A number being typed, to look up (suggestions): anything up to 40 characters; no valid number finds nothing. */
export const phoneLookup = () =>
  z
    .string()
    .trim()
    .max(40)
    .meta({
      description:
        'Telefoonnummer om mee te zoeken, zoals getypt. Vergeleken als E.164: 06-12345678, +31 6 1234 5678 en 0031612345678 ' +
        'zijn hetzelfde nummer. Een onvolledig of ongeldig nummer vindt niemand.',
      examples: ['06-12345678'],
    });

import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { validateUscc } from './uscc';

/** class-validator rule for a unified social credit code; the message says which character is wrong and why. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => validateUscc(value).valid,
        defaultMessage: (args: ValidationArguments) => {
          const result = validateUscc(args.value);
          return `${args.property} is not a valid unified social credit code: ${result.valid ? 'unknown reason' : result.reason}`;
        },
      },
    });
  };
}

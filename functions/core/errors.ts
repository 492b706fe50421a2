/**
 * Errors the pipeline raises on purpose. Each carries a machine-readable code and the
 * HTTP status it maps to; anything that is not an AppError is a fault, shown as a 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.details = options?.details;
  }
  readonly details: unknown;
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', message, 400, { details });
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 404);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 409);
    this.name = 'ConflictError';
  }
}

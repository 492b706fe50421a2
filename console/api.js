// @ts-check
/**
 * The desk's only way to newsalert: the public API, with the editor's key as a bearer token.
 * Errors come back as ApiError with the API's machine-readable code and human message.
 */

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message @param {unknown} [details] */
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * @param {string} baseUrl where the API answers ('' for the same origin)
 * @param {() => string | null} getKey the signed-in editor's key
 */
export function apiClient(baseUrl, getKey) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {{ key?: string, signal?: AbortSignal }} [options]
   * @returns {Promise<any>}
   */
  async function request(method, path, body, options = {}) {
    const key = options.key ?? getKey();
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        ...(options.signal && { signal: options.signal }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'UNREACHABLE', `Can't reach newsalert${baseUrl ? ` at ${baseUrl}` : ''}. Check your connection and try again.`);
    }
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = json?.error;
      throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? `newsalert answered ${response.status}`, error?.details);
    }
    return json;
  }

  const q = (/** @type {Record<string, string | number | undefined>} */ params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const id = encodeURIComponent;

  return {
    /** Checks a key before it is kept: any alert read proves it can use the desk. */
    checkKey: (/** @type {string} */ key) => request('GET', '/v1/alerts?limit=1', undefined, { key }),
    articles: (/** @type {{limit?: number, cursor?: string}} */ params = {}, /** @type {AbortSignal | undefined} */ signal = undefined) =>
      request('GET', `/v1/articles${q(params)}`, undefined, signal ? { signal } : {}),
    article: (/** @type {string} */ articleId) => request('GET', `/v1/articles/${id(articleId)}`),
    preview: (/** @type {object} */ article) => request('POST', '/v1/articles?dryRun=true', article),
    post: (/** @type {object} */ article) => request('POST', '/v1/articles', article),
    alerts: (/** @type {{limit?: number, cursor?: string, status?: string}} */ params = {}, /** @type {AbortSignal | undefined} */ signal = undefined) =>
      request('GET', `/v1/alerts${q(params)}`, undefined, signal ? { signal } : {}),
    alert: (/** @type {string} */ alertId) => request('GET', `/v1/alerts/${id(alertId)}`),
    approve: (/** @type {string} */ alertId) => request('POST', `/v1/alerts/${id(alertId)}/approve`, { reason: 'approved at the desk' }),
    reject: (/** @type {string} */ alertId) => request('POST', `/v1/alerts/${id(alertId)}/reject`, { reason: 'rejected at the desk' }),
    retry: (/** @type {string} */ alertId) => request('POST', `/v1/alerts/${id(alertId)}/retry`, { reason: 'retried at the desk' }),
    manual: (/** @type {object} */ alert) => request('POST', '/v1/alerts', alert),
    correct: (/** @type {string} */ alertId, /** @type {object} */ correction) => request('POST', `/v1/alerts/${id(alertId)}/correction`, correction),
    topics: () => request('GET', '/v1/topics'),
  };
}

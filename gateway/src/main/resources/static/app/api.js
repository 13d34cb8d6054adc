// Every data request goes through here: the key from this tab's sessionStorage as X-Api-Key, a 401
// signs the tab out, and any other failure becomes an ApiError carrying the problem+json detail.

const KEY_ITEM = 'radar.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY_ITEM),
  signIn: (key) => sessionStorage.setItem(KEY_ITEM, key.trim()),
  signOut: () => sessionStorage.removeItem(KEY_ITEM),
};

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

export class SignedOut extends Error {}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const url = query.size ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { 'X-Api-Key': session.key() ?? '', Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  if (response.status === 401) {
    session.signOut();
    window.dispatchEvent(new CustomEvent('radar:signed-out', { detail: await problemDetail(response) }));
    throw new SignedOut();
  }
  if (!response.ok) throw new ApiError(response.status, await problemDetail(response));
  return response.json();
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

// Swagger UI over the four services' OpenAPI descriptions, read through the gateway. Requests made
// with "Try it out" go to the gateway (the description's own server is the service's internal
// address) and carry the key of this tab, the same one the dashboard signed in with.
import { session } from './api.js';

const SERVICES = ['lead-service', 'followup-service', 'defeat-service', 'analytics-service'];
const picker = document.getElementById('service');
const keyInput = document.getElementById('key');

picker.innerHTML = SERVICES.map((s) => `<option value="${s}">${s}</option>`).join('');
picker.value = SERVICES.includes(location.hash.slice(1)) ? location.hash.slice(1) : SERVICES[0];
keyInput.value = session.key() ?? '';
keyInput.addEventListener('change', () => (keyInput.value ? session.signIn(keyInput.value) : session.signOut()));

async function show(service) {
  const response = await fetch(`/v3/api-docs/${service}`);
  const spec = await response.json();
  spec.servers = [{ url: location.origin, description: 'Dealer Radar gateway' }];
  window.SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    requestInterceptor: (request) => {
      const key = session.key();
      if (key) request.headers['X-Api-Key'] = key;
      return request;
    },
  });
}

picker.addEventListener('change', () => {
  location.hash = picker.value;
  show(picker.value);
});
show(picker.value);

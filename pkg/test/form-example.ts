// The typed form of pkg/README.md ("Typed forms with Standard Schema"):
// type-checked by `tsc -p test/tsconfig.json`, and run by
// test/form.test.mjs, which also checks that the README shows exactly the
// lines between the two markers.
// README: begin
import { FormApi } from '@tanstack/form-core';
import { configSchema, init, type ConfigDocument, type ConfigIssue } from 'duo-selfhosted';

await init();

const defaultValues: ConfigDocument = {
  gitlab_version: '19.6',
  tier: 'ultimate',
  add_ons: ['duo_enterprise'],
  self_hosted_models: [
    {
      name: 'Mistral',
      family: 'mistral',
      deployment: 'vllm',
      endpoint: 'http://vllm.internal:8000/v1',
      identifier: 'custom_openai/Mistral',
    },
  ],
  features: { duo_chat: { provider: 'self_hosted', model: 'Mistral' } },
};

// In React, `useForm` from '@tanstack/react-form' takes the same options.
const form = new FormApi({ defaultValues, validators: { onChange: configSchema } });
form.mount();

// Each error the rules find lands on the field its path names.
form.setFieldValue('ai_gateway.url', 'http://127.0.0.1:5052');
const errors: ConfigIssue[] = form.getFieldMeta('ai_gateway.url')?.errors ?? [];
errors[0]?.code; // 'url.localhost'
errors[0]?.message; // 'GitLab blocks this URL: requests to localhost are not allowed'

// @ts-expect-error a family that does not exist is a type error (llama3, not llama)
form.setFieldValue('self_hosted_models[0].family', 'llama');
// README: end

export { errors, form };

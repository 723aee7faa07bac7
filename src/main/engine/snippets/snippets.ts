import type { VerificationSnippet } from '../../../shared/api';
import { goSnippet } from './go';
import { javaSnippet } from './java';
import { nodeSnippet } from './node';
import { pythonSnippet } from './python';
import { getScheme, listSchemes } from '../signatures/registry';
import type { SnippetRecipe } from './recipes';

/** Every scheme's recipe, derived from its definition. */
export const RECIPES: readonly SnippetRecipe[] = listSchemes().flatMap((scheme) => (scheme.snippet ? [scheme.snippet] : []));

export function recipeFor(schemeId: string): SnippetRecipe | undefined {
  return getScheme(schemeId)?.snippet ?? undefined;
}

export function snippetSchemeIds(): string[] {
  return RECIPES.map((recipe) => recipe.schemeId);
}

/** The four snippets for a scheme, or null when it has none. Generated on demand; they are small. */
export function snippetsFor(schemeId: string): VerificationSnippet[] | null {
  const recipe = recipeFor(schemeId);
  if (!recipe) return null;
  return [
    { language: 'javascript', framework: 'Node.js (Express, express.raw)', code: nodeSnippet(recipe) },
    { language: 'python', framework: 'Python (Flask, request.get_data())', code: pythonSnippet(recipe) },
    { language: 'go', framework: 'Go (net/http, io.ReadAll)', code: goSnippet(recipe) },
    { language: 'java', framework: 'Java (Spring, @RequestBody byte[])', code: javaSnippet(recipe) },
  ];
}

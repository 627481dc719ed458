import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, projectRoot } from '@subsidy/config';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ServerResponse } from 'node:http';

/** Where the built browser application is: WEB_DIR, relative to the project root unless absolute. */
export function webRoot(config: AppConfig): string {
  return isAbsolute(config.web.dir) ? config.web.dir : join(projectRoot(), config.web.dir);
}

/**
 * Serves the browser application from the API's own origin (one origin, no CORS): files under /, and index.html for
 * every client route, while /api and /health stay the API's (an unknown /api path is the API's JSON 404, not a page).
 * Hashed bundles are cached for a year; index.html is revalidated so a release reaches users at their next visit.
 */
@Module({})
export class WebAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const rootPath = webRoot(config);
    if (!existsSync(join(rootPath, 'index.html'))) {
      new Logger('WebAppModule').warn(`no built web application in ${rootPath} (npm run build writes it); serving the API only`);
      return { module: WebAppModule };
    }
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/(.*)', '/api', '/health', '/health/(.*)'],
          serveStaticOptions: {
            index: false,
            fallthrough: true,
            setHeaders: (response: ServerResponse, path: string) => {
              response.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
            },
          },
        }),
      ],
    };
  }
}

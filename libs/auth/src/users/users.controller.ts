import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { Roles } from '../decorators/roles.decorator';
import { CreateUserDto } from './create-user.dto';
import { UserRecord } from './user-record';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('program_officer', 'platform_admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() body: CreateUserDto): Promise<UserRecord> {
    return this.users.create(body);
  }

  @Get()
  async list(): Promise<{ items: UserRecord[] }> {
    return { items: await this.users.list() };
  }
}

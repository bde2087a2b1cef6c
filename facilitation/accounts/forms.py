from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(_l("Fill in your e-mail address."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Fill in your password."))])

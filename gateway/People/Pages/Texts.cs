using System.Globalization;

namespace Programmes.Gateway.People.Pages;

/// <summary>
/// The words of the sign-in pages in the six official languages of the United Nations, in the order of
/// <see cref="Languages"/>. Kept in code: a few dozen short strings, checked for all six by a test.
/// </summary>
public static class Texts
{
    public static readonly string[] Languages = ["en", "ar", "zh", "fr", "ru", "es"];

    /// <summary>Each language's name in itself, for the language links.</summary>
    public static readonly string[] Names = ["English", "العربية", "中文", "Français", "Русский", "Español"];

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        ["SignIn"] = ["Sign in", "تسجيل الدخول", "登录", "Se connecter", "Вход", "Iniciar sesión"],
        ["TwoFactor"] = ["Enter your security code", "أدخل رمز الأمان", "输入安全码", "Saisissez votre code de sécurité", "Введите код безопасности", "Introduzca su código de seguridad"],
        ["Enrol"] = ["Set up a security code", "إعداد رمز الأمان", "设置安全码", "Configurer un code de sécurité", "Настройка кода безопасности", "Configurar un código de seguridad"],
        ["Invitation"] = ["Accept your invitation", "قبول الدعوة", "接受邀请", "Accepter votre invitation", "Принять приглашение", "Aceptar su invitación"],
        ["SignedOut"] = ["You have signed out", "لقد سجّلت الخروج", "您已退出", "Vous êtes déconnecté", "Вы вышли из системы", "Ha cerrado la sesión"],
        ["UserName"] = ["User name", "اسم المستخدم", "用户名", "Nom d’utilisateur", "Имя пользователя", "Nombre de usuario"],
        ["Password"] = ["Password", "كلمة المرور", "密码", "Mot de passe", "Пароль", "Contraseña"],
        ["NewPassword"] = ["New password", "كلمة المرور الجديدة", "新密码", "Nouveau mot de passe", "Новый пароль", "Nueva contraseña"],
        ["Confirm"] = ["Repeat the password", "أعد كتابة كلمة المرور", "再次输入密码", "Répétez le mot de passe", "Повторите пароль", "Repita la contraseña"],
        ["Code"] = ["Security code", "رمز الأمان", "安全码", "Code de sécurité", "Код безопасности", "Código de seguridad"],
        ["PasswordHint"] = ["At least 12 characters.", "12 حرفًا على الأقل.", "至少 12 个字符。", "Au moins 12 caractères.", "Не менее 12 символов.", "Al menos 12 caracteres."],
        ["CodeHint"] = ["The 6-digit code your authenticator app shows.", "الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة.", "身份验证器应用显示的 6 位数字代码。", "Le code à 6 chiffres affiché par votre application d’authentification.", "6-значный код из приложения-аутентификатора.", "El código de 6 dígitos que muestra su aplicación de autenticación."],
        ["Continue"] = ["Continue", "متابعة", "继续", "Continuer", "Продолжить", "Continuar"],
        ["SetPassword"] = ["Set password", "تعيين كلمة المرور", "设置密码", "Définir le mot de passe", "Задать пароль", "Establecer la contraseña"],
        ["Problem"] = ["There is a problem", "توجد مشكلة", "出现问题", "Il y a un problème", "Возникла проблема", "Hay un problema"],
        ["EnterUserName"] = ["Enter your user name.", "أدخل اسم المستخدم.", "请输入用户名。", "Saisissez votre nom d’utilisateur.", "Введите имя пользователя.", "Introduzca su nombre de usuario."],
        ["EnterPassword"] = ["Enter your password.", "أدخل كلمة المرور.", "请输入密码。", "Saisissez votre mot de passe.", "Введите пароль.", "Introduzca su contraseña."],
        ["WrongCredentials"] = ["The user name or the password is not right.", "اسم المستخدم أو كلمة المرور غير صحيحة.", "用户名或密码不正确。", "Le nom d’utilisateur ou le mot de passe est incorrect.", "Неверное имя пользователя или пароль.", "El nombre de usuario o la contraseña no son correctos."],
        ["LockedOut"] = ["Too many failed attempts: the account is locked for a while. Try again later.", "محاولات فاشلة كثيرة: الحساب مقفل لفترة. حاول لاحقًا.", "失败次数过多：账户已暂时锁定。请稍后再试。", "Trop de tentatives échouées : le compte est bloqué pour un moment. Réessayez plus tard.", "Слишком много неудачных попыток: учётная запись временно заблокирована. Повторите позже.", "Demasiados intentos fallidos: la cuenta está bloqueada por un tiempo. Inténtelo más tarde."],
        ["WrongCode"] = ["The security code is not right.", "رمز الأمان غير صحيح.", "安全码不正确。", "Le code de sécurité est incorrect.", "Неверный код безопасности.", "El código de seguridad no es correcto."],
        ["ShortPassword"] = ["The password must have at least 12 characters.", "يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل.", "密码至少需要 12 个字符。", "Le mot de passe doit comporter au moins 12 caractères.", "Пароль должен содержать не менее 12 символов.", "La contraseña debe tener al menos 12 caracteres."],
        ["Mismatch"] = ["The two passwords are not the same.", "كلمتا المرور غير متطابقتين.", "两次输入的密码不一致。", "Les deux mots de passe ne sont pas identiques.", "Пароли не совпадают.", "Las dos contraseñas no coinciden."],
        ["BadInvitation"] = ["This invitation link is not valid or has expired. Ask programme staff for a new one.", "رابط الدعوة هذا غير صالح أو منتهي الصلاحية. اطلب رابطًا جديدًا من موظفي البرنامج.", "此邀请链接无效或已过期。请向项目工作人员索取新的链接。", "Ce lien d’invitation n’est pas valide ou a expiré. Demandez-en un nouveau au personnel du programme.", "Ссылка-приглашение недействительна или устарела. Попросите новую у сотрудников программы.", "Este enlace de invitación no es válido o ha caducado. Pida uno nuevo al personal del programa."],
        ["EnrolText"] = ["Your role requires a second factor. Add this key to an authenticator app, then enter the code it shows.", "يتطلب دورك عاملًا ثانيًا. أضف هذا المفتاح إلى تطبيق مصادقة، ثم أدخل الرمز الذي يعرضه.", "您的角色需要第二重验证。请将此密钥添加到身份验证器应用，然后输入其显示的代码。", "Votre rôle exige un second facteur. Ajoutez cette clé à une application d’authentification, puis saisissez le code affiché.", "Ваша роль требует второго фактора. Добавьте этот ключ в приложение-аутентификатор и введите показанный код.", "Su función exige un segundo factor. Añada esta clave a una aplicación de autenticación e introduzca el código que muestre."],
        ["Key"] = ["Key", "المفتاح", "密钥", "Clé", "Ключ", "Clave"],
        ["SetupLink"] = ["Setup link", "رابط الإعداد", "设置链接", "Lien de configuration", "Ссылка для настройки", "Enlace de configuración"],
        ["SignedOutText"] = ["You can close this window or sign in again.", "يمكنك إغلاق هذه النافذة أو تسجيل الدخول مجددًا.", "您可以关闭此窗口或重新登录。", "Vous pouvez fermer cette fenêtre ou vous reconnecter.", "Можно закрыть это окно или войти снова.", "Puede cerrar esta ventana o volver a iniciar sesión."],
        ["Language"] = ["Language", "اللغة", "语言", "Langue", "Язык", "Idioma"],
        ["Programmes"] = ["Programmes", "البرامج", "方案", "Programmes", "Программы", "Programas"],
    };

    /// <summary>The page language: the request's UI culture if it is one of the six, else English.</summary>
    public static int LanguageIndex(CultureInfo culture) => Math.Max(0, Array.IndexOf(Languages, culture.TwoLetterISOLanguageName));

    public static string Get(string key, int language) => All[key][language];
}
